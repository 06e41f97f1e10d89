package io.spime.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.state.ConsentSet;
import io.spime.wire.telemetry.Sample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a child JVM running the agent with SIGKILL at random moments, {@code spime.kills} times
 * (default 50), against the embedded broker and a test cloud; then checks that every sample and
 * event the child had accepted reached the cloud exactly once. Slow (about 2 minutes): run with
 * {@code ./mvnw -B test -pl edge-agent -am -Dtest=KillNineIT -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class KillNineIT {
  private static final Logger LOG = LoggerFactory.getLogger(KillNineIT.class);
  private static final long RUN_SPAN = 10_000_000L;

  @TempDir Path dir;

  @Test
  void nothing_accepted_is_lost_and_nothing_is_applied_twice_across_repeated_kill_nine() throws Exception {
    int kills = Integer.getInteger("spime.kills", 50);
    long seed = Long.getLong("spime.seed", System.nanoTime());
    LOG.info("kill -9 test: {} kills, seed {}", kills, seed);
    Random random = new Random(seed);
    AssetId vin = TestVins.random();
    Path data = dir.resolve("agent");
    List<long[]> accepted = new ArrayList<>();
    try (TestCloud cloud = new TestCloud(TestBrokers.embedded().url(), SignalCatalog.builtIn())) {
      for (int k = 0; k < kills; k++) {
        long first = k * RUN_SPAN;
        ChildJvm child = ChildJvm.start(vin, TestBrokers.embedded().url(), data, first, RUN_SPAN, 200, dir.resolve("child-" + k + ".log"));
        if (random.nextBoolean()) {
          await().atMost(Duration.ofSeconds(60)).until(() -> child.started);
          Thread.sleep(random.nextInt(900)); // the random moment: while recording
        } else {
          Thread.sleep(random.nextInt(2_000)); // the random moment: during start-up, recovery or connect
        }
        child.killNine();
        accepted.add(new long[] {first, child.lastAccepted.get()});
        LOG.info("kill {}: accepted up to {}", k, child.lastAccepted.get() - first);
      }
      long expectedSamples = 0;
      for (long[] run : accepted) {
        expectedSamples += run[1] < run[0] ? 0 : run[1] - run[0] + 1;
      }
      try (EdgeAgent last = EdgeAgent.builder(vin, TestBrokers.embedded().url(), data).consent(ConsentSet.all())
          .batchWindow(Duration.ofMillis(100)).reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
          .ackTimeout(Duration.ofSeconds(2)).build()) {
        last.start();
        await().atMost(Duration.ofMinutes(3)).until(() -> last.stats().backlogBatches() == 0);
      }
      List<Sample> got = cloud.samples(vin);
      Set<Long> numbers = new HashSet<>();
      for (Sample sample : got) {
        long n = ChildAgentSamples.number(sample.timeMillis());
        assertTrue(numbers.add(n), "sample " + n + " was applied twice");
        assertEquals(ChildAgentSamples.value(n), ((io.spime.wire.telemetry.SignalValue.Number) sample.value()).value());
      }
      Set<String> events = new HashSet<>();
      for (VehicleEvent event : cloud.events(vin)) {
        assertTrue(events.add(event.eventId()), "event " + event.eventId() + " was applied twice");
      }
      long missing = 0;
      for (long[] run : accepted) {
        for (long n = run[0]; n <= run[1]; n++) {
          if (!numbers.contains(n)) {
            missing++;
          }
          if (n % 500 == 0) {
            assertTrue(events.contains("ev-" + n), "accepted event ev-" + n + " was lost");
          }
        }
      }
      LOG.info("kill -9 test: {} samples accepted before the kills, {} delivered (extra ones were accepted "
          + "after the last printed line), {} duplicates dropped by the cloud", expectedSamples, got.size(),
          cloud.duplicates.get());
      assertEquals(0, missing, missing + " accepted samples were lost");
      assertEquals(1, cloud.streams(vin).size(), "one outbox, one stream");
    }
  }
}
