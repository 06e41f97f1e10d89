package io.spime.sim;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.spime.wire.files.OwnerOnlyFiles;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** What becomes of a run's data folder: kept, or removed; either way the last line says so. */
final class DataFolder {
  private DataFolder() {}

  /** Keeps {@code dir} or removes it with everything in it, and prints the line that says which. */
  /** The run's data folder: the one given, created owner-only, or a new temporary one named {@code prefix…}. */
  static Path create(Optional<Path> given, String prefix) {
    try {
      return given.isPresent() ? OwnerOnlyFiles.createDirectories(given.get()) : Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data folder", e);
    }
  }

  static void settle(Path dir, boolean keep, PrintWriter out) {
    if (keep) {
      out.println("data: kept in " + dir);
      return;
    }
    try {
      removeTree(dir);
      out.println("data: removed " + dir + " (--keep-data keeps it)");
    } catch (IOException | UncheckedIOException e) {
      out.println("data: could not remove " + dir + ": " + e.getMessage()
          + "; it is left behind");
    }
  }

  private static void removeTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
