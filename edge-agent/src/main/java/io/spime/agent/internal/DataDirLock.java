package io.spime.agent.internal;

import io.spime.agent.DataDirInUseException;
import io.spime.agent.OutboxException;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An exclusive OS lock on {@code agent.lock} in the data directory; the OS frees it if the process dies. */
final class DataDirLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataDirLock acquire(Path dataDir) {
    Path file = dataDir.resolve("agent.lock");
    FileChannel channel;
    try {
      channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
          OwnerOnlyFiles.fileAttributes());
    } catch (IOException e) {
      throw new OutboxException("cannot open the lock file " + file + ": " + e.getMessage(), e);
    }
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new DataDirInUseException("data directory " + dataDir + " is in use by another agent process");
      }
      return new DataDirLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new DataDirInUseException("data directory " + dataDir + " is in use by another agent in this JVM");
    } catch (IOException e) {
      closeQuietly(channel);
      throw new OutboxException("cannot lock " + file + ": " + e.getMessage(), e);
    } catch (DataDirInUseException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new OutboxException("cannot release the data directory lock: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // the lock attempt already failed; that error is the one to report
    }
  }
}
