package io.spime.cloud.sync.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;

/**
 * The ingest's check of one message fed anything: it never throws (on the apply thread, an exception
 * would end the ingest), and it either takes the message or refuses it, counted once, quarantined in
 * the stream of its topic's car at most, never in another car's. The first input byte picks the topic's kind, the
 * second its shape (the car's own topic, another car's, an invalid one, a lower-case VIN); the rest
 * is the payload. Seeds and regression inputs: {@code MessageCheckerFuzzTestInputs/check}.
 */
class MessageCheckerFuzzTest {
  /** The clock of the ingest under test; the seeds' times are around it. */
  static final long NOW = 1_795_000_000_000L;
  static final AssetId CAR = AssetId.parse("1M8GDM9AXKP042788");
  static final AssetId OTHER = AssetId.parse("1HGCM82633A004352");
  private static final SignalCatalog CATALOG = SignalCatalog.builtIn();
  private static final TopicKind[] KINDS = TopicKind.values();
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
  private static final RejectLog REJECT_LOG = new RejectLog();

  @FuzzTest(maxDuration = "5s")
  void check(byte[] input) {
    if (input.length < 2) {
      return;
    }
    TopicKind kind = KINDS[Math.floorMod(input[0], KINDS.length)];
    int shape = Math.floorMod(input[1], 4);
    String topic = topic(kind, shape);
    byte[] payload = Arrays.copyOfRange(input, 2, input.length);
    IngestCounters counters = new IngestCounters();
    InboundGroup group = new InboundGroup();

    new MessageChecker(CATALOG, CLOCK, counters, REJECT_LOG)
        .check(new Inbound(topic, payload, NOW), group);

    assertEquals(1, group.taken());
    long rejected = counters.snapshot().rejectedTotal();
    long quarantined =
        group.uplink.stream().filter(UplinkMessage.Quarantined.class::isInstance).count();
    long taken = group.uplink.size() - quarantined + group.births.size() + group.statuses.size();
    assertTrue((taken == 1 && rejected == 0 && quarantined == 0)
            || (taken == 0 && rejected == 1 && quarantined <= 1),
        "taken " + taken + ", rejected " + rejected + ", quarantined " + quarantined);
    AssetId topicVin = shape == 1 ? OTHER : CAR;
    assertTrue(shape < 2 || taken + quarantined == 0, "a message on an invalid topic is taken");
    for (UplinkMessage message : group.uplink) {
      assertEquals(topicVin, message.vin(), "only a car's own topic gives a place in its stream");
      if (message instanceof UplinkMessage.Quarantined kept) {
        assertArrayEquals(payload, kept.payload());
      }
    }
    group.births.forEach(birth -> assertEquals(topicVin, birth.vin()));
    group.statuses.forEach(status -> assertEquals(topicVin, status.vin()));
  }

  private static String topic(TopicKind kind, int shape) {
    String name = kind.segment();
    return switch (shape) {
      case 0 -> Topics.of(CAR, kind);
      case 1 -> Topics.of(OTHER, kind);
      case 2 -> Topics.PREFIX + "not-a-vin/" + name;
      default -> Topics.PREFIX + CAR.value().toLowerCase(Locale.ROOT) + "/" + name;
    };
  }
}
