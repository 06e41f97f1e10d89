package io.spime.wire;

import static io.spime.wire.Fixtures.T0;
import static io.spime.wire.Fixtures.VIN;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.proto.v1.ChargeSessionEvent;
import io.spime.proto.v1.CommandResult;
import io.spime.proto.v1.CrashEvent;
import io.spime.proto.v1.DtcEvent;
import io.spime.proto.v1.Sequence;
import io.spime.wire.event.EventCodec;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Truncated, garbage, mutated and randomly built event batches: refused with WireExceptions only. */
class EventHostileInputTest {

  @Test
  void every_truncation_of_a_valid_batch_is_refused_never_decoded_as_a_smaller_one() {
    byte[] payload = EventCodec.encode(WireValues.batch());
    assertTrue(payload.length > 400, "payload of " + payload.length + " bytes");

    HostileInputs.assertEveryTruncationRefused(payload, EventCodec::decode);
  }

  @Test
  void random_garbage_is_refused_with_wire_exceptions_only() {
    HostileInputs.assertGarbageRefused(0xE7E, 5000, 600, EventCodec::decode);
  }

  @Test
  void mutated_valid_batches_decode_or_fail_with_wire_exceptions_only() {
    int refused = HostileInputs.mutate(EventCodec.encode(WireValues.batch()), 0xB17E, 5000,
        EventCodec::decode);

    assertTrue(refused > 1000, "only " + refused + " of 5000 mutations refused");
  }

  @Test
  void structurally_valid_protobuf_with_random_fields_decodes_or_fails_with_wire_exceptions_only() {
    Random random = new Random(0xEB);
    int refused = 0;
    int decoded = 0;
    for (int i = 0; i < 20_000; i++) {
      boolean ok = HostileInputs.decodesOrRefuses(randomBatch(random).toByteArray(),
          EventCodec::decode, "random batch #" + i);
      refused += ok ? 0 : 1;
      decoded += ok ? 1 : 0;
    }
    assertTrue(refused > 5_000, "only " + refused + " of 20000 random batches refused");
    assertTrue(decoded > 100, "only " + decoded + " of 20000 random batches decoded");
  }

  private static io.spime.proto.v1.EventBatch randomBatch(Random random) {
    io.spime.proto.v1.EventBatch.Builder batch = io.spime.proto.v1.EventBatch.newBuilder()
        .setVin(VIN.value())
        .setSequence(Sequence.newBuilder().setStreamId(random.nextInt(3)).setSeq(random.nextInt(3))
            .setBootId(random.nextInt(3)));
    int count = random.nextInt(4);
    for (int e = 0; e < count; e++) {
      io.spime.proto.v1.VehicleEvent.Builder event = io.spime.proto.v1.VehicleEvent.newBuilder()
          .setEventId(random.nextInt(10) == 0 ? "" : "e" + random.nextInt(100))
          .setTimeMs(random.nextInt(10) == 0 ? random.nextLong() : T0)
          .setPriorityValue(random.nextInt(7) - 1)
          .setCategoryValue(random.nextInt(8) - 1);
      switch (random.nextInt(7)) {
        case 0 -> event.setDtc(DtcEvent.newBuilder().setCode(random.nextBoolean() ? "P0301" : "X1"));
        case 1 -> event.setChargeSession(ChargeSessionEvent.newBuilder()
            .setEnergyWh(random.nextGaussian() * 1000).setStateOfChargePercent(random.nextInt(130)));
        case 2 -> event.setCrash(CrashEvent.newBuilder()
            .setPeakG(random.nextInt(10) == 0 ? Double.POSITIVE_INFINITY : random.nextInt(20)));
        case 3 -> event.setCommandResult(CommandResult.newBuilder()
            .setCommandId(random.nextBoolean() ? "c" : "").setOutcomeValue(random.nextInt(6)));
        case 4 -> event.putAttributes("k" + random.nextInt(3), "v");
        default -> { }
      }
      batch.addEvents(event);
    }
    return batch.setEventCount(random.nextInt(4) == 0 ? random.nextInt() : count).build();
  }
}
