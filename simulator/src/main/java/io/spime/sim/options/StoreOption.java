package io.spime.sim.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --store}: the twin store, an SQLite file or a PostgreSQL URL. */
public final class StoreOption {
  @Option(names = "--store", paramLabel = "STORE",
      description = "The twin store: an SQLite file, or jdbc:postgresql://host/db?user=NAME (password from "
          + "SPIME_PG_PASSWORD or the file named by SPIME_PG_PASSWORD_FILE).")
  private String location;

  /** As given (a file path or a JDBC URL); empty when it was left out. */
  public Optional<String> location() {
    return Optional.ofNullable(location);
  }

  /**
   * The location of a store that must already be there: a PostgreSQL URL as given, an SQLite file
   * only if it exists.
   *
   * @throws IllegalArgumentException if left out, or the SQLite file is not there
   */
  public String existing() {
    if (location == null) {
      throw new IllegalArgumentException("--store is required");
    }
    Optional<Path> file = file();
    if (file.isPresent() && !Files.isRegularFile(file.get())) {
      throw new IllegalArgumentException("--store: no twin store at " + file.get());
    }
    return location;
  }

  /** The file of an SQLite store; empty when left out or a PostgreSQL URL. */
  public Optional<Path> file() {
    if (location == null || location.startsWith("jdbc:postgresql:")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(location.startsWith("jdbc:sqlite:") ? location.substring("jdbc:sqlite:".length()) : location));
  }
}
