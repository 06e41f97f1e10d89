package io.spime.wire;

import static io.spime.wire.Fixtures.CATALOG;
import static io.spime.wire.Fixtures.OTHER_VIN;
import static io.spime.wire.Fixtures.POSITION;
import static io.spime.wire.Fixtures.T0;
import static io.spime.wire.Fixtures.VIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spime.proto.v1.CategoryConsent;
import io.spime.proto.v1.FlushNow;
import io.spime.proto.v1.Value;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.Command;
import io.spime.wire.state.ConsentSet;
import io.spime.wire.state.DesiredState;
import io.spime.wire.state.DriverProfile;
import io.spime.wire.state.ReportedState;
import io.spime.wire.state.StateCodec;
import io.spime.wire.state.StatePartCodec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateCodecTest {

  @Test
  void reported_state_round_trips_with_every_part_and_without_any() {
    assertEquals(WireValues.reported(),
        StateCodec.decodeReported(StateCodec.encode(WireValues.reported()), CATALOG));
    assertEquals(WireValues.bareReported(),
        StateCodec.decodeReported(StateCodec.encode(WireValues.bareReported()), CATALOG));
  }

  @Test
  void a_stored_report_body_with_its_sequence_added_is_the_encoded_report() {
    ReportedState state = WireValues.reported();

    byte[] body = StateCodec.encodeReportedBody(VIN, state.timeMillis(), state.desiredVersion(),
        state.softwareVersions(), state.properties(), state.policy(), state.consent(), state.profile());

    assertEquals(state, StateCodec.decodeReported(Sequencing.withSequence(body, POSITION), CATALOG));
  }

  @Test
  void desired_state_round_trips_with_every_part_and_with_none() {
    DesiredState none = new DesiredState(1, Optional.empty(), Optional.empty(), Optional.empty());

    assertEquals(WireValues.desired(),
        StateCodec.decodeDesired(StateCodec.encode(VIN, WireValues.desired(), T0), VIN, CATALOG));
    assertEquals(none, StateCodec.decodeDesired(StateCodec.encode(VIN, none, T0), VIN, CATALOG));
  }

  @Test
  void commands_of_every_kind_round_trip() {
    List<Command> commands = List.of(WireValues.applyProfile(),
        new Command("c-1", Command.Kind.FLUSH_NOW, T0, 0, Optional.empty()),
        new Command("c-2", Command.Kind.SEND_SNAPSHOT, T0, T0 + 1, Optional.empty()));
    for (Command command : commands) {
      byte[] payload = StateCodec.encode(VIN, command);

      assertEquals(command, StateCodec.decodeCommand(payload, VIN));
      assertEquals(Optional.of(command.commandId()), StateCodec.commandId(payload));
    }
  }

  @Test
  void state_parts_round_trip_alone() {
    assertEquals(WireValues.policy(),
        StatePartCodec.decodePolicy(StatePartCodec.encode(WireValues.policy()), CATALOG));
    assertEquals(WireValues.consent(),
        StatePartCodec.decodeConsent(StatePartCodec.encode(WireValues.consent())));
    assertEquals(WireValues.profile(),
        StatePartCodec.decodeProfile(StatePartCodec.encode(WireValues.profile())));
  }

  @Test
  void a_message_for_another_car_is_refused_as_a_vin_mismatch() {
    byte[] desired = StateCodec.encode(OTHER_VIN, WireValues.desired(), T0);
    byte[] command = StateCodec.encode(OTHER_VIN, WireValues.applyProfile());

    assertEquals("desired state v9 is for VIN '1HGCM82633A004352', this car is 1M8GDM9AXKP042788",
        assertThrows(VinMismatchException.class,
            () -> StateCodec.decodeDesired(desired, VIN, CATALOG)).getMessage());
    assertEquals("command cmd-7 is for VIN '1HGCM82633A004352', this car is 1M8GDM9AXKP042788",
        assertThrows(VinMismatchException.class, () -> StateCodec.decodeCommand(command, VIN))
            .getMessage());
    assertEquals(Optional.of("cmd-7"), StateCodec.commandId(command));
  }

  @Test
  void desired_state_without_version_or_time_is_refused() {
    assertMalformedDesired("desired state of 1M8GDM9AXKP042788 has no version", desired(0).setTimeMs(T0));
    assertMalformedDesired("desired state of 1M8GDM9AXKP042788 has version 18446744073709551615, "
        + "beyond the largest signed 64-bit number", desired(-1).setTimeMs(T0));
    assertMalformedDesired("desired state v3 of 1M8GDM9AXKP042788 has time 0 (missing, or the "
        + "payload was cut short)", desired(3));
  }

  @Test
  void a_policy_rule_for_a_signal_outside_the_catalog_is_refused() {
    io.spime.proto.v1.DesiredState.Builder desired = desired(4).setTimeMs(T0).setPolicy(
        io.spime.proto.v1.CollectionPolicy.newBuilder().addRules(
            io.spime.proto.v1.SignalRule.newBuilder().setSignalId(4000)));

    UnknownSignalException e = assertThrows(UnknownSignalException.class,
        () -> StateCodec.decodeDesired(desired.build().toByteArray(), VIN, CATALOG));

    assertEquals("desired state v4 of 1M8GDM9AXKP042788: policy rule for signal id 4000 which "
        + "catalog v2 does not have", e.getMessage());
  }

  @Test
  void unknown_enum_values_and_bad_parts_are_refused_with_what_is_wrong() {
    String v4 = "desired state v4 of 1M8GDM9AXKP042788: ";
    assertMalformedDesired(v4 + "policy rule for signal 1 has unknown mode 7",
        desired(4).setTimeMs(T0).setPolicy(policy(rule(1).setModeValue(7))));
    assertMalformedDesired(v4 + "policy rule for signal 1 has unknown priority 5",
        desired(4).setTimeMs(T0).setPolicy(policy(rule(1).setPriorityValue(5))));
    assertMalformedDesired(v4 + "policy rule for signal 1: deadband must be 0 or a positive number, "
        + "was -1.0", desired(4).setTimeMs(T0).setPolicy(policy(rule(1).setDeadband(-1))));
    assertMalformedDesired(v4 + "policy has two rules for signal 1",
        desired(4).setTimeMs(T0).setPolicy(policy(rule(1), rule(1))));
    assertMalformedDesired(v4 + "consent has unknown data category 9",
        desired(4).setTimeMs(T0).setConsent(io.spime.proto.v1.ConsentSet.newBuilder()
            .addCategories(CategoryConsent.newBuilder().setCategoryValue(9).setGranted(true))));
    assertMalformedDesired(v4 + "consent has no data category",
        desired(4).setTimeMs(T0).setConsent(io.spime.proto.v1.ConsentSet.newBuilder()
            .addCategories(CategoryConsent.newBuilder().setGranted(true))));
    assertMalformedDesired(v4 + "driver profile: climateTemperatureC must be 10..35, was 0.0",
        desired(4).setTimeMs(T0).setProfile(io.spime.proto.v1.DriverProfile.newBuilder()));
    assertMalformedDesired(v4 + "driver profile extra seat has no value",
        desired(4).setTimeMs(T0).setProfile(profile().putExtras("seat", Value.getDefaultInstance())));
    assertMalformedDesired(v4 + "driver profile extra seat is not finite",
        desired(4).setTimeMs(T0).setProfile(profile().putExtras("seat",
            Value.newBuilder().setDoubleValue(Double.NaN).build())));
  }

  @Test
  void reported_state_without_time_sequence_or_with_a_bad_property_is_refused() {
    io.spime.proto.v1.ReportedState valid = io.spime.proto.v1.ReportedState.newBuilder()
        .setVin(VIN.value()).setSequence(io.spime.proto.v1.Sequence.newBuilder().setStreamId(1)
            .setSeq(3).setBootId(2)).setTimeMs(T0).build();
    assertEquals(T0, StateCodec.decodeReported(valid.toByteArray(), CATALOG).timeMillis());

    assertMalformedReported("reported state 3 of 1M8GDM9AXKP042788 has time 0 (missing, or the "
        + "payload was cut short)", valid.toBuilder().clearTimeMs().build());
    assertMalformedReported("reported state of 1M8GDM9AXKP042788 has no valid sequence (stream 0, "
        + "seq 0, boot 0)", valid.toBuilder().clearSequence().build());
    assertMalformedReported("reported state 3 of 1M8GDM9AXKP042788 has desired version "
        + "18446744073709551615, beyond the largest signed 64-bit number",
        valid.toBuilder().setDesiredVersion(-1).build());
    assertMalformedReported("reported state 3 of 1M8GDM9AXKP042788: property x has no value",
        valid.toBuilder().putProperties("x", Value.getDefaultInstance()).build());
    assertThrows(InvalidVinException.class, () -> StateCodec.decodeReported(
        valid.toBuilder().setVin("nope").build().toByteArray(), CATALOG));
  }

  @Test
  void a_command_without_id_or_kind_is_refused_and_its_id_still_found() {
    byte[] noKind = io.spime.proto.v1.Command.newBuilder().setVin(VIN.value()).setCommandId("bad-1")
        .build().toByteArray();
    byte[] noId = io.spime.proto.v1.Command.newBuilder().setVin(VIN.value())
        .setFlushNow(FlushNow.getDefaultInstance()).build().toByteArray();

    assertEquals("command bad-1 for 1M8GDM9AXKP042788 asks for nothing this version knows",
        assertThrows(MalformedPayloadException.class, () -> StateCodec.decodeCommand(noKind, VIN))
            .getMessage());
    assertEquals(Optional.of("bad-1"), StateCodec.commandId(noKind));
    assertEquals("command for 1M8GDM9AXKP042788 has no id",
        assertThrows(MalformedPayloadException.class, () -> StateCodec.decodeCommand(noId, VIN))
            .getMessage());
    assertEquals(Optional.empty(), StateCodec.commandId(noId));
    assertEquals(Optional.empty(), StateCodec.commandId(new byte[] {(byte) 0xff}));
  }

  @Test
  void oversized_payloads_are_refused_when_decoding_and_encoding() {
    byte[] huge = new byte[StateCodec.MAX_PAYLOAD_BYTES + 1];

    assertEquals("desired state payload of 65537 bytes exceeds the limit of 65536",
        assertThrows(OversizedPayloadException.class,
            () -> StateCodec.decodeDesired(huge, VIN, CATALOG)).getMessage());
    assertThrows(OversizedPayloadException.class, () -> StateCodec.decodeReported(huge, CATALOG));
    assertThrows(OversizedPayloadException.class, () -> StateCodec.decodeCommand(huge, VIN));
    assertEquals(Optional.empty(), StateCodec.commandId(huge));
    DriverProfile big = new DriverProfile("c", 1, 1, 1, 20, List.of("x".repeat(70_000)), Map.of());
    assertThrows(OversizedPayloadException.class, () -> StateCodec.encode(VIN,
        new Command("c", Command.Kind.APPLY_PROFILE, T0, 0, Optional.of(big))));
    assertThrows(OversizedPayloadException.class, () -> StateCodec.encode(VIN,
        new DesiredState(1, Optional.empty(), Optional.empty(), Optional.of(big)), T0));
  }

  @Test
  void encoding_refuses_a_time_that_decoding_would_refuse_and_records_check_their_parts() {
    assertThrows(IllegalArgumentException.class, () -> StateCodec.encode(VIN, WireValues.desired(), 0));
    assertThrows(IllegalArgumentException.class, () -> StateCodec.encodeReportedBody(VIN, 0, 0,
        Map.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty()));
    assertThrows(IllegalArgumentException.class,
        () -> new Command("c", Command.Kind.APPLY_PROFILE, T0, 0, Optional.empty()));
    assertThrows(IllegalArgumentException.class,
        () -> new Command("c", Command.Kind.FLUSH_NOW, T0, 0, Optional.of(WireValues.profile())));
    assertThrows(IllegalArgumentException.class,
        () -> new CollectionPolicy(CollectionPolicy.MAX_VERSION + 1, Map.of()));
  }

  @Test
  void writers_put_the_time_last_so_a_cut_at_a_field_boundary_lacks_it() throws Exception {
    byte[] payload = StateCodec.encode(VIN, new DesiredState(2, Optional.empty(),
        Optional.of(ConsentSet.all()), Optional.empty()), T0);
    byte[] timeField = io.spime.proto.v1.DesiredState.newBuilder().setTimeMs(T0).build().toByteArray();
    byte[] head = Arrays.copyOf(payload, payload.length - timeField.length);

    assertArrayEquals(timeField, Arrays.copyOfRange(payload, head.length, payload.length));
    assertEquals(0, io.spime.proto.v1.DesiredState.parseFrom(head).getTimeMs());
    assertThrows(MalformedPayloadException.class, () -> StateCodec.decodeDesired(head, VIN, CATALOG));
  }

  private static io.spime.proto.v1.DesiredState.Builder desired(long version) {
    return io.spime.proto.v1.DesiredState.newBuilder().setVin(VIN.value()).setVersion(version);
  }

  private static io.spime.proto.v1.CollectionPolicy policy(
      io.spime.proto.v1.SignalRule.Builder... rules) {
    io.spime.proto.v1.CollectionPolicy.Builder out = io.spime.proto.v1.CollectionPolicy.newBuilder();
    for (io.spime.proto.v1.SignalRule.Builder rule : rules) {
      out.addRules(rule);
    }
    return out.build();
  }

  private static io.spime.proto.v1.SignalRule.Builder rule(int signalId) {
    return io.spime.proto.v1.SignalRule.newBuilder().setSignalId(signalId);
  }

  private static io.spime.proto.v1.DriverProfile.Builder profile() {
    return io.spime.proto.v1.DriverProfile.newBuilder().setClimateTemperatureC(21);
  }

  private static void assertMalformedDesired(String message, io.spime.proto.v1.DesiredState.Builder proto) {
    assertEquals(message, assertThrows(MalformedPayloadException.class,
        () -> StateCodec.decodeDesired(proto.build().toByteArray(), VIN, CATALOG)).getMessage());
  }

  private static void assertMalformedReported(String message, io.spime.proto.v1.ReportedState proto) {
    assertEquals(message, assertThrows(MalformedPayloadException.class,
        () -> StateCodec.decodeReported(proto.toByteArray(), CATALOG)).getMessage());
  }
}
