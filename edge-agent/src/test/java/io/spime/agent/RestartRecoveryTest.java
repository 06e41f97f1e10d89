package io.spime.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spime.testkit.ClosedPort;
import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.state.ConsentSet;
import io.spime.wire.telemetry.Sample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL before it sealed anything leaves its samples only in the journal;
 * the next agent on the same directory delivers every one of them. (Fifty kills at random moments
 * are in KillNineIT.)
 */
class RestartRecoveryTest {
  private static TestCloud cloud;

  @TempDir Path dir;

  @BeforeAll
  static void startCloud() {
    cloud = new TestCloud(TestBrokers.embedded().url(), SignalCatalog.builtIn());
  }

  @AfterAll
  static void stopCloud() {
    cloud.close();
  }

  @Test
  void samples_of_a_killed_process_that_never_sealed_are_delivered_by_the_next_start() throws Exception {
    AssetId vin = TestVins.random();
    String offline = "tcp://127.0.0.1:" + ClosedPort.find();
    try (ChildJvm child = ChildJvm.start(vin, offline, dir, 0, 1_000, 3_600_000, dir.resolve("child.log"))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> child.done);
      assertThrows(DataDirInUseException.class, () -> EdgeAgent.builder(vin, offline, dir).build().start(),
          "a second agent must not share a live agent's directory");
      child.killNine();
    }
    try (EdgeAgent next = EdgeAgent.builder(vin, TestBrokers.embedded().url(), dir)
        .batchWindow(Duration.ofMillis(100)).consent(ConsentSet.all()).build()) {
      next.start();
      assertEquals(1_000, next.stats().recoveredSamples());
      await().atMost(Duration.ofSeconds(20)).until(() -> cloud.samples(vin).size() == 1_000);
      List<Sample> got = cloud.samples(vin);
      for (int n = 0; n < 1_000; n++) {
        assertEquals(ChildAgentSamples.time(n), got.get(n).timeMillis());
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> cloud.events(vin).size() == 2);
      await().atMost(Duration.ofSeconds(10)).until(() -> next.stats().backlogBatches() == 0);
    }
  }
}
