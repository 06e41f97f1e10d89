package io.spime.cloud.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.cloud.sync.RejectReason;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.wire.AssetId;
import io.spime.wire.StreamPosition;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import io.spime.wire.telemetry.TelemetryCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time window over a whole batch: one implausible sample anywhere in it refuses the batch. */
class MessageCheckerTimeTest {
  private static final SignalCatalog CATALOG = SignalCatalog.builtIn();
  private static final long NOW = 1_795_000_000_000L;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
  private static final AssetId VIN = AssetId.parse("1M8GDM9AXKP042788");
  private static final int SPEED = CATALOG.require("Vehicle.Speed").id();

  @Test
  void a_batch_within_the_window_is_taken_whole() {
    InboundGroup group = check(times(NOW - 1000, NOW, NOW + Duration.ofHours(23).toMillis()));

    assertEquals(1, group.uplink.size());
    UplinkMessage.Telemetry telemetry = assertInstanceOf(UplinkMessage.Telemetry.class, group.uplink.get(0));
    assertEquals(3, telemetry.batch().samples().size());
  }

  @Test
  void a_sample_from_1970_in_the_middle_of_a_batch_quarantines_it() {
    IngestCounters counters = new IngestCounters();
    InboundGroup group = check(times(NOW, 5_000, NOW + 100), counters);

    assertInstanceOf(UplinkMessage.Quarantined.class, group.uplink.get(0));
    assertEquals(1L, counters.snapshot().rejected().get(RejectReason.IMPLAUSIBLE_TIME));
  }

  @Test
  void a_sample_a_week_ahead_at_the_end_of_a_batch_quarantines_it() {
    IngestCounters counters = new IngestCounters();
    InboundGroup group = check(times(NOW, NOW + 100, NOW + Duration.ofDays(7).toMillis()), counters);

    UplinkMessage.Quarantined quarantined =
        assertInstanceOf(UplinkMessage.Quarantined.class, group.uplink.get(0));
    assertTrue(quarantined.reason().contains("telemetry batch 4 of " + VIN.value()),
        quarantined.reason());
    assertEquals(1L, counters.snapshot().rejected().get(RejectReason.IMPLAUSIBLE_TIME));
  }

  private static List<Long> times(long... millis) {
    List<Long> out = new ArrayList<>();
    for (long m : millis) {
      out.add(m);
    }
    return out;
  }

  private static InboundGroup check(List<Long> times) {
    return check(times, new IngestCounters());
  }

  private static InboundGroup check(List<Long> times, IngestCounters counters) {
    List<Sample> samples = new ArrayList<>();
    for (long time : times) {
      samples.add(new Sample(SPEED, time, SignalValue.of(50.0)));
    }
    byte[] payload = new TelemetryCodec(CATALOG).encode(
        new TelemetryBatch(VIN, new StreamPosition(7, 4, 1), CATALOG.version(), samples));
    InboundGroup group = new InboundGroup();
    new MessageChecker(CATALOG, CLOCK, counters, new RejectLog())
        .check(new Inbound(Topics.of(VIN, TopicKind.TELEMETRY), payload, NOW), group);
    return group;
  }
}
