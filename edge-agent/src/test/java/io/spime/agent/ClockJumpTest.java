package io.spime.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.event.EventDetail;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.state.ConsentSet;
import io.spime.wire.telemetry.Sample;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The car's clock jumps backwards (GNSS fix, RTC reset): sequence and order stay as recorded. */
class ClockJumpTest {
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

  /** A clock the test sets; the seam the agent takes for birth, status and event times. */
  private static final class SettableClock extends Clock {
    final AtomicLong millis = new AtomicLong(1_800_000_000_000L);

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }

  @Test
  void samples_and_events_recorded_across_a_backward_jump_arrive_in_recording_order_in_sequence() {
    AssetId vin = TestVins.random();
    SettableClock clock = new SettableClock();
    List<Long> times = new ArrayList<>();
    try (EdgeAgent agent = EdgeAgent.builder(vin, TestBrokers.embedded().url(), dir).clock(clock)
        .consent(ConsentSet.all()).batchWindow(Duration.ofMillis(50)).build()) {
      agent.start();
      long t = clock.millis();
      for (int round = 0; round < 4; round++) {
        for (int i = 0; i < 100; i++) {
          times.add(t);
          agent.record("Vehicle.Speed", t, i);
          t += 100;
        }
        agent.raise(VehicleEvent.of(new EventDetail.Ignition(round % 2 == 0), t));
        agent.flush();
        t -= 3_600_000; // an hour back
        clock.millis.addAndGet(-3_600_000);
      }
      await().atMost(Duration.ofSeconds(15)).until(() -> cloud.samples(vin).size() == 400
          && cloud.events(vin).size() == 4);
      List<Sample> got = cloud.samples(vin);
      for (int i = 0; i < 400; i++) {
        assertEquals(times.get(i), got.get(i).timeMillis(), "sample " + i);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> agent.stats().backlogBatches() == 0);
      AgentStats stats = agent.stats();
      assertEquals(stats.ackedSeq(), cloud.stream(vin, stats.streamId()).durable);
      assertEquals(0, cloud.gaps.get(), "no gaps in the stream");
    }
  }
}
