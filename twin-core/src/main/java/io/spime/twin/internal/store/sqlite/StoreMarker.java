package io.spime.twin.internal.store.sqlite;

import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.exceptions.VanishedStoreException;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The marker {@code <store>.created} beside a twin store's file, written (and fsynced) once the
 * store is open: its presence says the file held a store, so an empty or missing file is refused
 * ({@link VanishedStoreException}) instead of being created anew.
 */
final class StoreMarker {
  private StoreMarker() {}

  static Path of(Path store) {
    return store.resolveSibling(store.getFileName() + ".created");
  }

  /** @throws VanishedStoreException if the store is empty or missing but its marker exists */
  static void checkNotVanished(Path store) {
    Path marker = of(store);
    if (!Files.exists(marker)) {
      return;
    }
    long size;
    try {
      size = Files.exists(store) ? Files.size(store) : -1;
    } catch (IOException e) {
      throw new TwinStoreException("cannot read the size of twin store " + store + ": " + e.getMessage(), e);
    }
    if (size <= 0) {
      throw new VanishedStoreException("twin store " + store + (size == 0 ? " is empty (0 bytes)" : " is missing")
          + " but its marker " + marker + " says a store was created there: refusing to start a new, "
          + "empty store in its place (every stream's durable sequence would be gone); restore the file "
          + "from a backup, or delete the marker to start over on purpose");
    }
  }

  /** Writes the marker if it is not there yet. */
  static void write(Path store) {
    Path marker = of(store);
    if (Files.exists(marker)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(marker, java.util.Set.of(StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), OwnerOnlyFiles.fileAttributes())) {
      channel.write(ByteBuffer.wrap(("spime twin store " + store.getFileName() + " created "
          + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
    } catch (IOException e) {
      throw new TwinStoreException("cannot write the twin store marker " + marker + ": " + e.getMessage(), e);
    }
    try (FileChannel folder = FileChannel.open(marker.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a folder; the marker's own fsync still holds
    }
  }
}
