package io.spime.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.spime.testkit.ClosedPort;
import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.telemetry.Sample;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * An outbox that a crash emptied is not taken for a new one, and the readable rows of a corrupt
 * outbox are sent rather than left in the file moved aside.
 */
class OutboxSalvageTest {
  private static final int BATCHES = 30;
  private static final int PER_BATCH = 100;
  private static TestCloud cloud;

  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger internal = (Logger) LoggerFactory.getLogger("io.spime.agent.internal");

  @BeforeAll
  static void startCloud() {
    cloud = new TestCloud(TestBrokers.embedded().url(), SignalCatalog.builtIn());
  }

  @AfterAll
  static void stopCloud() {
    cloud.close();
  }

  @BeforeEach
  void captureLog() {
    log.start();
    internal.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    internal.detachAppender(log);
  }

  private EdgeAgent agent(AssetId vin, String url) {
    return EdgeAgent.builder(vin, url, dir).batchWindow(Duration.ofHours(1))
        .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500)).build();
  }

  /** Offline, so every batch stays in the outbox: BATCHES rows of PER_BATCH distinct samples. */
  private void fillOffline(AssetId vin) {
    try (EdgeAgent agent = agent(vin, "tcp://127.0.0.1:" + ClosedPort.find())) {
      agent.start();
      for (int b = 0; b < BATCHES; b++) {
        for (int i = 0; i < PER_BATCH; i++) {
          agent.record("Vehicle.TraveledDistance", 1_000L + b * PER_BATCH + i, b * PER_BATCH + i);
        }
        agent.flush();
      }
    }
  }

  private List<String> errors() {
    return log.list.stream().filter(e -> e.getLevel() == Level.ERROR)
        .map(ILoggingEvent::getFormattedMessage).toList();
  }

  private long asides() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("outbox.db.corrupt-")
          && !f.getFileName().toString().endsWith("-wal") && !f.getFileName().toString().endsWith("-shm")).count();
    }
  }

  @Test
  void an_outbox_emptied_by_a_crash_is_an_error_and_moved_aside_not_taken_as_new() throws IOException {
    AssetId vin = TestVins.random();
    fillOffline(vin);
    Files.deleteIfExists(dir.resolve("outbox.db-wal"));
    Files.deleteIfExists(dir.resolve("outbox.db-shm"));
    Files.write(dir.resolve("outbox.db"), new byte[0]);

    try (EdgeAgent agent = agent(vin, TestBrokers.embedded().url())) {
      agent.start();
      assertTrue(errors().stream().anyMatch(line -> line.contains("is empty (0 bytes)")
          && line.contains("treated as corrupt")), "an ERROR says what happened: " + errors());
      assertEquals(1, asides(), "the empty file is moved aside, not reused");
    }
  }

  @Test
  void an_outbox_deleted_behind_the_agents_back_is_an_error() throws IOException {
    AssetId vin = TestVins.random();
    fillOffline(vin);
    for (String name : new String[] {"outbox.db", "outbox.db-wal", "outbox.db-shm"}) {
      Files.deleteIfExists(dir.resolve(name));
    }
    try (EdgeAgent agent = agent(vin, TestBrokers.embedded().url())) {
      agent.start();
      assertTrue(errors().stream().anyMatch(line -> line.contains("is missing")),
          "an ERROR says the outbox vanished: " + errors());
    }
  }

  @Test
  void the_readable_rows_of_a_corrupt_outbox_are_salvaged_and_sent() throws IOException {
    AssetId vin = TestVins.random();
    fillOffline(vin);
    for (String name : new String[] {"journal-0.bin", "journal-1.bin"}) {
      Files.delete(dir.resolve(name)); // only the salvage can bring samples back
    }
    Path outbox = dir.resolve("outbox.db");
    try (RandomAccessFile raf = new RandomAccessFile(outbox.toFile(), "rw")) {
      long pages = raf.length() / 4096;
      byte[] junk = new byte[4096];
      new Random(11).nextBytes(junk);
      for (long page = 2; page < pages; page += 3) { // every third page: rows on them are lost, not the rest
        raf.seek(page * 4096);
        raf.write(junk);
      }
    }

    try (EdgeAgent agent = agent(vin, TestBrokers.embedded().url())) {
      agent.start();
      assertEquals(1, asides());
      String summary = log.list.stream().map(ILoggingEvent::getFormattedMessage)
          .filter(line -> line.startsWith("salvage of ")).findFirst().orElseThrow(
              () -> new AssertionError("no salvage summary in " + errors()));
      Matcher counts = Pattern.compile("(\\d+) rows \\((\\d+) samples").matcher(summary);
      assertTrue(counts.find(), summary);
      long salvagedSamples = Long.parseLong(counts.group(2));
      assertTrue(salvagedSamples > 0 && salvagedSamples <= BATCHES * PER_BATCH, summary);
      Matcher lost = Pattern.compile("; (\\d+) rows could not be read").matcher(summary);
      assertTrue(lost.find(), "the damaged pages cost rows, and the summary counts them: " + summary);
      assertEquals(BATCHES, Long.parseLong(counts.group(1)) + Long.parseLong(lost.group(1)),
          "every row is either salvaged or counted as lost: " + summary);

      await().atMost(Duration.ofSeconds(30)).until(() -> cloud.samples(vin).size() >= salvagedSamples);
      Set<Long> values = new HashSet<>();
      for (Sample sample : cloud.samples(vin)) {
        values.add(sample.timeMillis());
      }
      assertEquals(salvagedSamples, values.size(), "every salvaged sample arrived once: " + summary);
      assertTrue(values.stream().allMatch(t -> t >= 1_000L && t < 1_000L + BATCHES * PER_BATCH));
    }
  }
}
