package io.spime.agent.bench;

import io.spime.agent.internal.OutMessage;
import io.spime.agent.internal.Outbox;
import io.spime.agent.internal.OutboxRow;
import io.spime.agent.internal.SendWindow;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link OutboxBench}'s cycles on one outbox, a given number at a time, timed by the wall clock and
 * by the CPU time of the thread that runs them. {@link #main} runs a fixed number of each path and
 * prints one {@code RESULT} line per path; {@link OutboxAbBench} runs two builds of the outbox in
 * one JVM, a block of each in turn.
 */
public final class OutboxCycleBench implements AutoCloseable {
  private static final SendWindow OPEN = new SendWindow(16, 256);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Path dir;
  private final Outbox outbox;
  private final List<OutboxRow> rows = List.of(OutboxBench.telemetryRow());
  private long generation;

  /** An outbox in a new directory under {@code base}. */
  public OutboxCycleBench(Path base) throws IOException {
    this.dir = Files.createTempDirectory(base, "spime-outbox-cycles-");
    this.outbox = Outbox.open(dir.resolve("outbox.db"), 256L * 1024 * 1024);
  }

  /** Runs {@code cycles} cycles of {@code path} and returns the thread's CPU and wall nanoseconds. */
  public long[] run(String path, int cycles) {
    boolean online = path.equals("sealSendAck");
    long cpu = THREADS.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    for (int i = 0; i < cycles; i++) {
      cycle(online);
    }
    return new long[] {THREADS.getCurrentThreadCpuTime() - cpu, System.nanoTime() - wall};
  }

  private void cycle(boolean online) {
    generation++;
    if (online) {
      outbox.seal(generation, rows, OPEN);
      outbox.acknowledge(outbox.nextSeq() - 1);
    } else {
      outbox.seal(generation, rows, SendWindow.CLOSED);
      List<OutMessage> sent = outbox.numberNext(16);
      List<OutMessage> again = outbox.numbered(sent.get(0).seq(), 16);
      outbox.acknowledge(again.get(again.size() - 1).seq());
    }
  }

  @Override
  public void close() throws IOException {
    outbox.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** {@code cycles} of each path after half as many not measured. */
  static void main(int cycles, Path base) throws IOException {
    try (OutboxCycleBench bench = new OutboxCycleBench(base)) {
      for (String path : List.of("sealSendAck", "sealNumberResendAck")) {
        bench.run(path, cycles / 2);
        long[] took = bench.run(path, cycles);
        System.out.printf("RESULT %s under %s: %,d cycles, cpu %.2f us/cycle, wall %.2f us/cycle%n",
            path, base, cycles, took[0] / 1e3 / cycles, took[1] / 1e3 / cycles);
      }
    }
  }
}
