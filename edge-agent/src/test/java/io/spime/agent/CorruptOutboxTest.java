package io.spime.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class CorruptOutboxTest {
  private static TestCloud cloud;

  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger opener = (Logger) LoggerFactory.getLogger("io.spime.agent.internal.OutboxOpener");

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
    opener.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    opener.detachAppender(log);
  }

  private EdgeAgent agent(AssetId vin, String url) {
    return EdgeAgent.builder(vin, url, dir).batchWindow(Duration.ofMillis(50))
        .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500)).build();
  }

  private List<Path> asides() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("outbox.db.corrupt-")
          && !f.getFileName().toString().endsWith("-wal") && !f.getFileName().toString().endsWith("-shm")).toList();
    }
  }

  private void assertMovedAsideAndWorking(AssetId vin) throws IOException {
    assertMovedAsideAndWorking(vin, false);
  }

  /** {@code rescued}: whether the journal still held samples, sent again under the new stream. */
  private void assertMovedAsideAndWorking(AssetId vin, boolean rescued) throws IOException {
    try (EdgeAgent agent = agent(vin, TestBrokers.embedded().url())) {
      agent.start();
      List<Path> asides = asides();
      assertEquals(1, asides.size(), "the corrupt file is kept for inspection");
      ILoggingEvent line = log.list.stream().filter(e -> e.getLevel() == Level.ERROR).findFirst().orElseThrow();
      assertTrue(line.getFormattedMessage().contains("is corrupt")
          && line.getFormattedMessage().contains(asides.get(0).toString()), line.getFormattedMessage());
      agent.record("Vehicle.TraveledDistance", 1_000L, 77);
      long recovered = agent.stats().recoveredSamples();
      assertEquals(rescued, recovered > 0, "recovered " + recovered);
      await().atMost(Duration.ofSeconds(15)).until(() -> cloud.samples(vin).size() == recovered + 1);
    }
  }

  @Test
  void a_garbage_outbox_file_is_moved_aside_with_an_error_line_and_a_fresh_outbox_starts() throws IOException {
    AssetId vin = TestVins.random();
    byte[] garbage = new byte[8192];
    new Random(7).nextBytes(garbage);
    Files.write(dir.resolve("outbox.db"), garbage);
    assertMovedAsideAndWorking(vin);
  }

  @Test
  void an_outbox_with_damaged_pages_is_replaced_under_a_new_stream() throws IOException {
    AssetId vin = TestVins.random();
    long oldStream;
    try (EdgeAgent agent = agent(vin, "tcp://127.0.0.1:" + ClosedPort.find())) {
      agent.start();
      for (int i = 0; i < 20_000; i++) {
        agent.record("Vehicle.TraveledDistance", 1_000L + i, i * 7 % 1_000);
      }
      agent.flush();
      oldStream = agent.stats().streamId();
    }
    try (RandomAccessFile raf = new RandomAccessFile(dir.resolve("outbox.db").toFile(), "rw")) {
      byte[] junk = new byte[raf.length() > 12_288 ? 4096 : 100];
      new Random(9).nextBytes(junk);
      raf.seek(Math.max(100, raf.length() - junk.length - 10));
      raf.write(junk);
      raf.seek(0);
      raf.write(junk, 0, 100);
    }
    // The journal still holds the last sealed generations: with the outbox gone, they are sent again.
    assertMovedAsideAndWorking(vin, true);
    assertNotEquals(oldStream, cloud.births.stream().filter(b -> b.vin().equals(vin)).findFirst().orElseThrow().streamId());
  }
}
