package io.spime.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, small file system for full-disk tests: a tmpfs of a few MiB mounted on a folder (this
 * needs root, as on CI; elsewhere the test is skipped with a message), and a filler file that takes
 * every free byte until the test deletes it. tmpfs answers a write that finds no room with ENOSPC
 * and a touch of a not yet allocated page of a shared mapping with SIGBUS, as a full disk does.
 */
final class SmallDisk implements AutoCloseable {
  private final Path mountPoint;
  private final Path filler;

  private SmallDisk(Path mountPoint) {
    this.mountPoint = mountPoint;
    this.filler = mountPoint.resolve("filler.bin");
  }

  /** Mounts a tmpfs of {@code megabytes} MiB on {@code mountPoint}, or skips the test. */
  static SmallDisk mount(Path mountPoint, int megabytes) throws IOException, InterruptedException {
    Files.createDirectories(mountPoint);
    int code = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0700", "tmpfs",
        mountPoint.toString());
    Assumptions.assumeTrue(code == 0, "cannot mount a small tmpfs (needs root, as on CI): "
        + "the full-disk test is skipped here");
    return new SmallDisk(mountPoint);
  }

  Path root() {
    return mountPoint;
  }

  /** Writes the filler file until the file system says it is full; returns the bytes it took. */
  long fill() throws IOException {
    byte[] block = new byte[4096];
    long written = 0;
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
        written += block.length;
      }
    } catch (IOException full) {
      if (!String.valueOf(full.getMessage()).contains("No space left")) {
        throw full;
      }
    }
    return written;
  }

  /** Gives {@code bytes} of the filler back (truncates it). */
  void freeBytes(long bytes) throws IOException {
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(
        filler, java.nio.file.StandardOpenOption.WRITE)) {
      channel.truncate(Math.max(0, channel.size() - bytes));
    }
  }

  /** Deletes the filler: the space is back. */
  void free() throws IOException {
    Files.deleteIfExists(filler);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("umount", "-l", mountPoint.toString());
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }
}
