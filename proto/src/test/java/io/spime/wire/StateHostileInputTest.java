package io.spime.wire;

import static io.spime.wire.Fixtures.CATALOG;
import static io.spime.wire.Fixtures.T0;
import static io.spime.wire.Fixtures.VIN;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.wire.state.Command;
import io.spime.wire.state.StateCodec;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Truncated, garbage and mutated state messages: refused with WireExceptions only. */
class StateHostileInputTest {
  private static final Consumer<byte[]> REPORTED = p -> StateCodec.decodeReported(p, CATALOG);
  private static final Consumer<byte[]> DESIRED = p -> StateCodec.decodeDesired(p, VIN, CATALOG);
  private static final Consumer<byte[]> COMMAND = p -> StateCodec.decodeCommand(p, VIN);

  @Test
  void every_truncation_of_reported_desired_and_command_payloads_is_refused() {
    HostileInputs.assertEveryTruncationRefused(StateCodec.encode(WireValues.reported()), REPORTED);
    HostileInputs.assertEveryTruncationRefused(StateCodec.encode(WireValues.bareReported()), REPORTED);
    HostileInputs.assertEveryTruncationRefused(
        StateCodec.encode(VIN, WireValues.desired(), T0), DESIRED);
    HostileInputs.assertEveryTruncationRefused(
        StateCodec.encode(VIN, WireValues.applyProfile()), COMMAND);
    HostileInputs.assertEveryTruncationRefused(StateCodec.encode(VIN, new Command("c-1",
        Command.Kind.FLUSH_NOW, T0, 0, java.util.Optional.empty())), COMMAND);
  }

  @Test
  void random_garbage_is_refused_with_wire_exceptions_only() {
    HostileInputs.assertGarbageRefused(0x5747E, 3000, 400, REPORTED);
    HostileInputs.assertGarbageRefused(0xDE5, 3000, 400, DESIRED);
    HostileInputs.assertGarbageRefused(0xC0, 3000, 400, COMMAND);
  }

  @Test
  void mutated_valid_payloads_decode_or_fail_with_wire_exceptions_only() {
    int reported = HostileInputs.mutate(StateCodec.encode(WireValues.reported()), 1, 5000, REPORTED);
    int desired = HostileInputs.mutate(StateCodec.encode(VIN, WireValues.desired(), T0), 2, 5000,
        DESIRED);
    int command = HostileInputs.mutate(StateCodec.encode(VIN, WireValues.applyProfile()), 3, 5000,
        COMMAND);

    assertTrue(reported > 500, "only " + reported + " of 5000 reported mutations refused");
    assertTrue(desired > 500, "only " + desired + " of 5000 desired mutations refused");
    assertTrue(command > 500, "only " + command + " of 5000 command mutations refused");
  }

  @Test
  void command_id_of_any_payload_is_found_or_empty_never_an_exception() {
    java.util.Random random = new java.util.Random(0x1D);
    for (int i = 0; i < 3000; i++) {
      byte[] garbage = new byte[random.nextInt(200)];
      random.nextBytes(garbage);
      StateCodec.commandId(garbage).ifPresent(id -> assertTrue(!id.isBlank()));
    }
  }
}
