package io.spime.wire;

import io.spime.wire.internal.Parsing;
import io.spime.wire.internal.StateProtos;
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
   * @throws OversizedPayloadException if the payload would exceed {@link #MAX_PAYLOAD_BYTES}
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
   *     #MAX_PAYLOAD_BYTES}
   */
  public static byte[] encodeReportedBody(Vin vin, long timeMillis, long desiredVersion,
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
    return Parsing.requireSize(body, "reported state of " + vin + " without its sequence",
        Sequencing.bodyLimit(MAX_PAYLOAD_BYTES));
  }

  /**
   * Decodes a report, checking it completely before returning.
   *
   * @throws OversizedPayloadException if the payload exceeds {@link #MAX_PAYLOAD_BYTES}
   * @throws MalformedPayloadException if it is not protobuf, has no valid sequence, no positive
   *     time (or was cut short), a desired version beyond the signed range, a property without a
   *     value or not finite, or an invalid policy, consent or profile
   * @throws InvalidVinException if its VIN is not a valid VIN form
   * @throws UnknownSignalException if its policy has a rule of a signal the catalog does not have
   */
  public static ReportedState decodeReported(byte[] payload, SignalCatalog catalog) {
    Objects.requireNonNull(catalog, "catalog");
    return StateProtos.reported(Parsing.parse(payload, "reported state", MAX_PAYLOAD_BYTES,
        io.spime.proto.v1.ReportedState.parser()), catalog);
  }

  /**
   * Encodes desired state for a car, stamped with the time it is sent.
   *
   * @throws IllegalArgumentException if the time is not 1 or more
   * @throws OversizedPayloadException if the payload would exceed {@link #MAX_PAYLOAD_BYTES}
   */
  public static byte[] encode(Vin vin, DesiredState desired, long timeMillis) {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(desired, "desired");
    requirePositiveTime(timeMillis, "desired state");
    return Parsing.requireSize(StateProtos.desired(vin, desired, timeMillis),
        "desired state v" + desired.version() + " of " + vin, MAX_PAYLOAD_BYTES);
  }

  /**
   * Decodes desired state that arrived for {@code vin}, checking it completely before returning.
   *
   * @throws OversizedPayloadException if the payload exceeds {@link #MAX_PAYLOAD_BYTES}
   * @throws VinMismatchException if it is for another VIN
   * @throws MalformedPayloadException if it is not protobuf, has no version (or one beyond the
   *     signed range), no positive time (or was cut short), or an invalid policy, consent or
   *     profile: an unknown mode, priority or data category, two rules of one signal, a value out
   *     of range
   * @throws UnknownSignalException if its policy has a rule of a signal the catalog does not have
   */
  public static DesiredState decodeDesired(byte[] payload, Vin vin, SignalCatalog catalog) {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(catalog, "catalog");
    return StateProtos.desired(Parsing.parse(payload, "desired state", MAX_PAYLOAD_BYTES,
        io.spime.proto.v1.DesiredState.parser()), vin, catalog);
  }

  /**
   * Encodes a command for a car.
   *
   * @throws OversizedPayloadException if the payload would exceed {@link #MAX_PAYLOAD_BYTES}
   */
  public static byte[] encode(Vin vin, Command command) {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(command, "command");
    return Parsing.requireSize(StateProtos.command(vin, command),
        "command " + command.commandId() + " for " + vin, MAX_PAYLOAD_BYTES);
  }

  /**
   * Decodes a command that arrived for {@code vin}; {@link #commandId} recovers the id of one
   * that fails, so that it can be answered.
   *
   * @throws OversizedPayloadException if the payload exceeds {@link #MAX_PAYLOAD_BYTES}
   * @throws VinMismatchException if it is for another VIN
   * @throws MalformedPayloadException if it is not protobuf, has no id, asks for nothing this
   *     version knows, or carries an invalid profile
   */
  public static Command decodeCommand(byte[] payload, Vin vin) {
    Objects.requireNonNull(vin, "vin");
    return StateProtos.command(Parsing.parse(payload, "command", MAX_PAYLOAD_BYTES,
        io.spime.proto.v1.Command.parser()), vin);
  }

  /** The id of a command payload (one that failed to decode, say), if it has a readable one. */
  public static Optional<String> commandId(byte[] payload) {
    if (payload == null || payload.length > MAX_PAYLOAD_BYTES) {
      return Optional.empty();
    }
    try {
      String id = io.spime.proto.v1.Command.parseFrom(payload).getCommandId();
      return id.isBlank() ? Optional.empty() : Optional.of(id);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      return Optional.empty();
    }
  }

  private static void requirePositiveTime(long timeMillis, String what) {
    if (timeMillis < 1) {
      throw new IllegalArgumentException(what + " time must be 1 or more, was " + timeMillis);
    }
  }
}
