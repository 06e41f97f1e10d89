package io.spime.agent.bench;

import io.spime.agent.internal.OutMessage;
import io.spime.agent.internal.Outbox;
import io.spime.agent.internal.OutboxRow;
import io.spime.agent.internal.SendWindow;
import io.spime.wire.Priority;
import io.spime.wire.TopicKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The outbox's own cost per batch, one SQLite file, one thread: {@code sealSendAck} is the path of a
 * batch while the link is up (a seal that stores the row and numbers it in one fsynced commit, then
 * the cloud's ack that deletes it in a relaxed commit, the sync level switched at each);
 * {@code sealNumberResendAck} the path of a batch sealed offline (sealed unnumbered, numbered before
 * the publish in a second fsynced commit, read back as a resend reads it, acked); {@code idlePump}
 * the pump that runs after every PUBACK and ack with nothing to number. {@code base} is the
 * directory the file lives under: the disk, or tmpfs, where an fsync costs next to nothing and the
 * CPU per batch (SQL, JDBC, the outbox's own code) is what is left.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class OutboxBench {
  private static final SendWindow OPEN = new SendWindow(16, 256);

  @Param({"/tmp", "/dev/shm"})
  public String base;

  private Path dir;
  private Outbox outbox;
  private List<OutboxRow> rows;
  private long generation;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory(Path.of(base), "spime-outbox-bench-");
    outbox = Outbox.open(dir.resolve("outbox.db"), 256L * 1024 * 1024);
    rows = List.of(telemetryRow());
  }

  /** A telemetry batch of 100 samples in 512 bytes, priority NORMAL. */
  static OutboxRow telemetryRow() {
    byte[] body = new byte[512];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (i * 31);
    }
    return new OutboxRow(TopicKind.TELEMETRY, Priority.NORMAL, 100, Bench.T0, body);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    outbox.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  @Benchmark
  public long sealSendAck() {
    int numbered = outbox.seal(++generation, rows, OPEN).numbered();
    return outbox.acknowledge(outbox.nextSeq() - 1) + numbered;
  }

  @Benchmark
  public long sealNumberResendAck() {
    outbox.seal(++generation, rows, SendWindow.CLOSED);
    List<OutMessage> sent = outbox.numberNext(16);
    List<OutMessage> again = outbox.numbered(sent.get(0).seq(), 16);
    return outbox.acknowledge(again.get(again.size() - 1).seq());
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public int idlePump() {
    return outbox.numberNext(16).size();
  }
}
