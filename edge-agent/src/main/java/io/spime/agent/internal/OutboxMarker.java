package io.spime.agent.internal;

import io.spime.agent.OutboxException;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * Evidence that an outbox existed, so that a crash that leaves {@code outbox.db} empty or missing
 * is not taken for a first start: the marker file {@code outbox.db.created} written (and fsynced)
 * beside it when it is first opened, or a journal that has been started (a journal segment with a
 * header and a generation above 0; journals of versions before the marker count too).
 */
final class OutboxMarker {
  private static final int JOURNAL_MAGIC = 0x53504a31; // JournalSegment's "SPJ1"

  private OutboxMarker() {}

  static Path of(Path outbox) {
    return outbox.resolveSibling(outbox.getFileName() + ".created");
  }

  /** Why the outbox is empty or missing although it existed, or empty when all is well. */
  static Optional<String> vanished(Path outbox) {
    long size;
    try {
      size = Files.exists(outbox) ? Files.size(outbox) : -1;
    } catch (IOException e) {
      throw new OutboxException("cannot read the size of " + outbox + ": " + e.getMessage(), e);
    }
    if (size > 0) {
      return Optional.empty();
    }
    String state = size == 0 ? "is empty (0 bytes)" : "is missing";
    if (Files.exists(of(outbox))) {
      return Optional.of(state + " but its marker " + of(outbox) + " says it was created before");
    }
    for (String name : new String[] {"journal-0.bin", "journal-1.bin"}) {
      Path journal = outbox.resolveSibling(name);
      if (journalStarted(journal)) {
        return Optional.of(state + " but the journal " + journal + " shows an agent ran here");
      }
    }
    return Optional.empty();
  }

  /** Writes the marker if it is not there yet; fsynced, with the folder, so it outlives a crash. */
  static void write(Path outbox) {
    Path marker = of(outbox);
    if (Files.exists(marker)) {
      return;
    }
    try {
      try (FileChannel channel = FileChannel.open(marker, java.util.Set.of(StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), OwnerOnlyFiles.fileAttributes())) {
        channel.write(ByteBuffer.wrap(("spime outbox " + outbox.getFileName() + " created "
            + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
      syncFolder(marker.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new OutboxException("cannot write the outbox marker " + marker + ": " + e.getMessage(), e);
    }
  }

  private static boolean journalStarted(Path journal) {
    if (!Files.isRegularFile(journal)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate(16);
      while (header.hasRemaining() && channel.read(header) > 0) {
        // the 16-byte header: magic, unused, generation
      }
      return !header.hasRemaining() && header.getInt(0) == JOURNAL_MAGIC && header.getLong(8) > 0;
    } catch (IOException e) {
      return false; // an unreadable journal is no evidence either way; the journal reports it
    }
  }

  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a folder; the marker's own fsync still holds its content
    }
  }
}
