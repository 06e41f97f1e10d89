package io.spime.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.spime.testkit.ClosedPort;
import io.spime.testkit.TestVins;
import io.spime.wire.state.ConsentSet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A full disk, for real: the data directory lies on a small tmpfs that a filler file fills (see
 * {@link SmallDisk}; skipped where the test may not mount one). The agent used to die of SIGBUS
 * writing its sparse journal, and after one SQLITE_FULL every later seal failed until restart.
 */
class DiskFullTest {
  private static final long T0 = 1_700_000_000_000L;

  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger storageLog = (Logger) LoggerFactory.getLogger("io.spime.agent.internal.StorageHealth");

  @BeforeEach
  void captureLog() {
    log.start();
    storageLog.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    storageLog.detachAppender(log);
  }

  private long lines(Level level, String text) {
    return log.list.stream()
        .filter(e -> e.getLevel() == level && e.getFormattedMessage().contains(text)).count();
  }

  private EdgeAgent agent(Path dataDir) {
    return EdgeAgent.builder(TestVins.random(), "tcp://127.0.0.1:" + ClosedPort.find(), dataDir)
        .consent(ConsentSet.all())
        .journalSegmentBytes(256 * 1024)
        .batchWindow(Duration.ofHours(1))
        .build();
  }

  @Test
  void a_full_disk_refuses_new_samples_clearly_and_the_agent_recovers_when_space_is_back()
      throws Exception {
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("mnt"), 8)) {
      Path dataDir = disk.root().resolve("agent");
      long kept = 0;
      OutboxException refusal;
      try (EdgeAgent agent = agent(dataDir)) {
        agent.start();
        for (int i = 0; i < 1_000; i++) {
          agent.record(2, T0 + i, i);
        }
        agent.flush();
        disk.fill();

        refusal = assertThrows(OutboxException.class, () -> {
          for (int i = 1_000; i < 1_000_000; i++) {
            agent.record(2, T0 + i, i); // fills the journal; sealing it finds no room
          }
        });
        AgentStats full = agent.stats();
        kept = full.acceptedSamples();
        assertTrue(full.refused(RefusalReason.STORAGE_FAILED) >= 1, "the refusal is counted: " + full);
        assertThrows(OutboxException.class, () -> agent.record(2, T0 + 2_000_000, 1),
            "while the disk stays full, new samples keep being refused");
        long errors = lines(Level.ERROR, "sealing into the outbox failed");
        assertTrue(errors >= 1 && errors <= lines(Level.WARN, "sealing works again") + 1,
            "one ERROR line per outage (a seal that finds room in the WAL ends one), not one per "
                + "refused sample: " + errors);

        disk.free();
        for (int i = 0; i < 20_000; i++) {
          agent.record(2, T0 + 3_000_000 + i, i); // fills the journal again: sealing works now
        }
        agent.flush();
        kept = agent.stats().acceptedSamples();
        assertTrue(lines(Level.WARN, "sealing works again") >= 1, "the recovery is logged");
      }
      assertTrue(refusal.getMessage().contains("no")
          || refusal.getMessage().toLowerCase().contains("full"), refusal.getMessage());
      assertEquals(kept, telemetryItems(dataDir.resolve("outbox.db")),
          "every accepted sample, before and after the full disk, is in the outbox");
    }
  }

  @Test
  void an_agent_started_on_a_full_disk_refuses_to_start_instead_of_dying_later() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("mnt"), 8)) {
      Path dataDir = disk.root().resolve("agent");
      java.nio.file.Files.createDirectories(dataDir);
      disk.fill();
      disk.freeBytes(64 * 1024); // room for the outbox file, not for the journal
      OutboxException refused = assertThrows(OutboxException.class, () -> agent(dataDir).start());
      assertTrue(refused.getMessage().contains("journal") || refused.getMessage().contains("outbox"),
          refused.getMessage());
    }
  }

  private static long telemetryItems(Path outbox) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + outbox);
        Statement statement = db.createStatement();
        ResultSet sum = statement.executeQuery(
            "SELECT coalesce(sum(items), 0) FROM outbox WHERE kind = 'telemetry'")) {
      sum.next();
      return sum.getLong(1);
    }
  }
}
