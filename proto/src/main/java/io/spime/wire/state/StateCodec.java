package io.spime.wire.state;

import io.spime.wire.DecodeBudget;
import io.spime.wire.DecodeBudgetExceededException;
import io.spime.wire.InvalidVinException;
import io.spime.wire.MalformedPayloadException;
import io.spime.wire.OversizedPayloadException;
import io.spime.wire.Sequencing;
import io.spime.wire.UnknownSignalException;
import io.spime.wire.AssetId;
import io.spime.wire.VinMismatchException;
import io.spime.wire.WireException;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.internal.Fields;
import io.spime.wire.internal.Parsing;
import io.spime.wire.internal.StateProtos;
import io.spime.wire.telemetry.SignalValue;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Encodes and decodes the state messages: {@link ReportedState} (up, {@code reported}), {@link
 * DesiredState} (down, {@code desired}) and {@link Command} (down, {@code command}).
 *
 * <p>Reported and desired state are written with {@code time_ms} last and read only with a
 * positive time, so a payload cut short at a field boundary is refused; a command is refused
 * without its kind, which is written last. The parts alone (policy, consent, profile) have
 * {@link StatePartCodec}.
 */
public final class StateCodec {
  /** Largest reported-state, desired-state or command payload accepted, in bytes. */
  public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

  private StateCodec() {}

  /**
   * Encodes a report with its sequence.
   *
   * @throws OversizedPayloadException if the payload would exceed {@link #MAX_PAYLOAD_BYTES} or
   *     its {@link DecodeBudget} (a {@link DecodeBudgetExceededException})
   */
  public static byte[] encode(ReportedState state) {
    Objects.requireNonNull(state, "state");
    return Sequencing.withSequence(encodeReportedBody(state.vin(), state.timeMillis(),
        state.desiredVersion(), state.softwareVersions(), state.properties(), state.policy(),
        state.consent(), state.profile()), state.position());
  }

  /**
   * Encodes a report without its sequence, as an outbox stores it: the parameters are the
   * components of {@link ReportedState} but its position, which {@link Sequencing#withSequence}
   * adds when the report is numbered.
   *
   * @throws IllegalArgumentException if the time is not 1 or more or the desired version negative
   * @throws OversizedPayloadException if the payload, once sequenced, could exceed {@link
   *     #MAX_PAYLOAD_BYTES} or its {@link DecodeBudget} (a {@link DecodeBudgetExceededException})
   */
  public static byte[] encodeReportedBody(AssetId vin, long timeMillis, long desiredVersion,
      Map<String, String> softwareVersions, Map<String, SignalValue> properties,
      Optional<CollectionPolicy> policy, Optional<ConsentSet> consent, Optional<DriverProfile> profile) {
    Objects.requireNonNull(vin, "vin");
    requirePositiveTime(timeMillis, "reported state");
    if (desiredVersion < 0) {
      throw new IllegalArgumentException("desiredVersion must not be negative, was " + desiredVersion);
    }
    byte[] body = StateProtos.reportedBody(vin, timeMillis, desiredVersion,
        Map.copyOf(softwareVersions), Map.copyOf(properties), Objects.requireNonNull(policy, "policy"),
        Objects.requireNonNull(consent, "consent"), Objects.requireNonNull(profile, "profile"));
    String what = "reported state of " + vin + " without its sequence";
    Parsing.requireSize(body, what, Fields.bodyLimit(MAX_PAYLOAD_BYTES));
    return Parsing.requireBudget(body, what, io.spime.proto.v1.ReportedState.getDefaultInstance(),
        Parsing.SEQUENCE_COST);
  }

  /**
   * Decodes a report, checking it completely before returning.
   *
   * @throws OversizedPayloadException if the payload exceeds {@link #MAX_PAYLOAD_BYTES}, or (a
   *     {@link DecodeBudgetExceededException}) would take more heap to decode than its {@link
   *     DecodeBudget}
   * @throws MalformedPayloadException if it is not protobuf, has no valid sequence, no positive
   *     time (or was cut short), a desired version beyond the signed range, a property without a
   *     value or not finite, or an invalid policy, consent or profile
   * @throws InvalidVinException if its VIN is not a valid VIN form
   * @throws UnknownSignalException if its policy has a rule of a signal the catalog does not have
   */
  public static ReportedState decodeReported(byte[] payload, SignalCatalog catalog) {
    Objects.requireNonNull(catalog, "catalog");
    return StateProtos.reported(Parsing.parse(payload, "reported state", MAX_PAYLOAD_BYTES,
        io.spime.proto.v1.ReportedState.getDefaultInstance()), catalog);
  }

  /**
   * Encodes desired state for a car, stamped with the time it is sent.
   *
   * @throws IllegalArgumentException if the time is not 1 or more
   * @throws OversizedPayloadException if the payload would exceed {@link #MAX_PAYLOAD_BYTES} or
   *     its {@link DecodeBudget} (a {@link DecodeBudgetExceededException})
   */
  public static byte[] encode(AssetId vin, DesiredState desired, long timeMillis) {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(desired, "desired");
    requirePositiveTime(timeMillis, "desired state");
    String what = "desired state v" + desired.version() + " of " + vin;
    byte[] payload = Parsing.requireSize(StateProtos.desired(vin, desired, timeMillis), what,
        MAX_PAYLOAD_BYTES);
    return Parsing.requireBudget(payload, what, io.spime.proto.v1.DesiredState.getDefaultInstance(),
        0);
  }

  /**
   * Decodes desired state that arrived for {@code vin}, checking it completely before returning.
   *
   * @throws OversizedPayloadException if the payload exceeds {@link #MAX_PAYLOAD_BYTES}, or (a
   *     {@link DecodeBudgetExceededException}) would take more heap to decode than its {@link
   *     DecodeBudget}
   * @throws VinMismatchException if it is for another VIN
   * @throws MalformedPayloadException if it is not protobuf, has no version (or one beyond the
   *     signed range), no positive time (or was cut short), or an invalid policy, consent or
   *     profile: an unknown mode, priority or data category, two rules of one signal, a value out
   *     of range
   * @throws UnknownSignalException if its policy has a rule of a signal the catalog does not have
   */
  public static DesiredState decodeDesired(byte[] payload, AssetId vin, SignalCatalog catalog) {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(catalog, "catalog");
    return StateProtos.desired(Parsing.parse(payload, "desired state", MAX_PAYLOAD_BYTES,
        io.spime.proto.v1.DesiredState.getDefaultInstance()), vin, catalog);
  }

  /**
   * Encodes a command for a car.
   *
   * @throws OversizedPayloadException if the payload would exceed {@link #MAX_PAYLOAD_BYTES} or
   *     its {@link DecodeBudget} (a {@link DecodeBudgetExceededException})
   */
  public static byte[] encode(AssetId vin, Command command) {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(command, "command");
    String what = "command " + command.commandId() + " for " + vin;
    byte[] payload =
        Parsing.requireSize(StateProtos.command(vin, command), what, MAX_PAYLOAD_BYTES);
    return Parsing.requireBudget(payload, what, io.spime.proto.v1.Command.getDefaultInstance(), 0);
  }

  /**
   * Decodes a command that arrived for {@code vin}; {@link #commandId} recovers the id of one
   * that fails, so that it can be answered.
   *
   * @throws OversizedPayloadException if the payload exceeds {@link #MAX_PAYLOAD_BYTES}, or (a
   *     {@link DecodeBudgetExceededException}) would take more heap to decode than its {@link
   *     DecodeBudget}
   * @throws VinMismatchException if it is for another VIN
   * @throws MalformedPayloadException if it is not protobuf, has no id, asks for nothing this
   *     version knows, or carries an invalid profile
   */
  public static Command decodeCommand(byte[] payload, AssetId vin) {
    Objects.requireNonNull(vin, "vin");
    return StateProtos.command(Parsing.parse(payload, "command", MAX_PAYLOAD_BYTES,
        io.spime.proto.v1.Command.getDefaultInstance()), vin);
  }

  /** The id of a command payload (one that failed to decode, say), if it has a readable one. */
  public static Optional<String> commandId(byte[] payload) {
    try {
      String id = Parsing.parse(payload, "command", MAX_PAYLOAD_BYTES,
          io.spime.proto.v1.Command.getDefaultInstance()).getCommandId();
      return id.isBlank() ? Optional.empty() : Optional.of(id);
    } catch (WireException e) {
      return Optional.empty();
    }
  }

  private static void requirePositiveTime(long timeMillis, String what) {
    if (timeMillis < 1) {
      throw new IllegalArgumentException(what + " time must be 1 or more, was " + timeMillis);
    }
  }
}
