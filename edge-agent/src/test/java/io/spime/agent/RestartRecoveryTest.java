package io.spime.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spime.wire.SignalCatalog;
import io.spime.wire.Vin;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent that is abandoned without close (as if its process died) leaves samples only in its
 * journal and outbox; the next agent on the same directory delivers every one of them. (The real
 * kill -9 of a child JVM is in KillNineIT.)
 */
class RestartRecoveryTest {
  private static TestCloud cloud;

  @TempDir Path dir;

  @BeforeAll
  static void startCloud() {
    cloud = new TestCloud(SharedBroker.url(), SignalCatalog.builtIn());
  }

  @AfterAll
  static void stopCloud() {
    cloud.close();
  }

  @Test
  void samples_of_an_agent_that_died_before_sealing_are_delivered_by_the_next_start() {
    Vin vin = TestVins.next();
    EdgeAgent dead = EdgeAgent.builder(vin, "tcp://127.0.0.1:" + ClosedPort.find(), dir)
        .batchWindow(Duration.ofHours(1)).consent(Consent.all()).build();
    dead.start();
    for (int i = 0; i < 300; i++) {
      dead.record("Vehicle.Speed", 1_700_000_000_000L + i, i);
    }
    dead.flush(); // the first 300 are sealed into the outbox, never sent
    for (int i = 300; i < 1_000; i++) {
      dead.record("Vehicle.Speed", 1_700_000_000_000L + i, i);
    }
    // "dead" is never closed: its last 700 samples exist only in the journal.
    try (EdgeAgent next = EdgeAgent.builder(vin, SharedBroker.url(), dir)
        .batchWindow(Duration.ofMillis(100)).consent(Consent.all()).build()) {
      next.start();
      assertEquals(700, next.stats().recoveredSamples());
      await().atMost(Duration.ofSeconds(20)).until(() -> cloud.samples(vin).size() == 1_000);
      for (int i = 0; i < 1_000; i++) {
        assertEquals(1_700_000_000_000L + i, cloud.samples(vin).get(i).timeMillis());
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> next.stats().backlogBatches() == 0);
    }
  }
}
