package io.spime.agent.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.spime.proto.v1.Value;
import io.spime.wire.CollectionPolicy;
import io.spime.wire.Command;
import io.spime.wire.ConsentSet;
import io.spime.wire.DesiredState;
import io.spime.wire.DriverProfile;
import io.spime.wire.SignalCatalog;
import io.spime.wire.SignalValue;
import io.spime.wire.Vin;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Decodes and checks desired state and commands; encodes a driver profile for reports. */
final class DownlinkCodec {
  /** Largest desired-state or command payload accepted. */
  static final int MAX_PAYLOAD_BYTES = 64 * 1024;

  private DownlinkCodec() {}

  static DesiredState decodeDesired(byte[] payload, Vin vin, SignalCatalog catalog) {
    io.spime.proto.v1.DesiredState proto = parse(payload, "desired state", io.spime.proto.v1.DesiredState.parser());
    requireVin(proto.getVin(), vin, "desired state");
    if (proto.getVersion() < 1) {
      throw new DownlinkException("desired state has no version");
    }
    Optional<CollectionPolicy> policy =
        proto.hasPolicy() ? Optional.of(PolicyCodec.decode(proto.getPolicy(), catalog)) : Optional.empty();
    Optional<ConsentSet> consent =
        proto.hasConsent() ? Optional.of(PolicyCodec.decode(proto.getConsent())) : Optional.empty();
    Optional<DriverProfile> profile =
        proto.hasProfile() ? Optional.of(profileOf(proto.getProfile())) : Optional.empty();
    return new DesiredState(proto.getVersion(), policy, consent, profile);
  }

  /** A command, or a DownlinkException; {@link #commandId} recovers the id of a bad one. */
  static Command decodeCommand(byte[] payload, Vin vin) {
    io.spime.proto.v1.Command proto = parse(payload, "command", io.spime.proto.v1.Command.parser());
    requireVin(proto.getVin(), vin, "command " + proto.getCommandId());
    if (proto.getCommandId().isBlank()) {
      throw new DownlinkException("command has no id");
    }
    return switch (proto.getKindCase()) {
      case FLUSH_NOW -> command(proto, Command.Kind.FLUSH_NOW, Optional.empty());
      case SEND_SNAPSHOT -> command(proto, Command.Kind.SEND_SNAPSHOT, Optional.empty());
      case APPLY_PROFILE -> command(proto, Command.Kind.APPLY_PROFILE,
          Optional.of(profileOf(proto.getApplyProfile())));
      default -> throw new DownlinkException(
          "command " + proto.getCommandId() + " asks for nothing this agent knows");
    };
  }

  /** The id of a command payload that failed to decode, if it has one. */
  static Optional<String> commandId(byte[] payload) {
    if (payload.length > MAX_PAYLOAD_BYTES) {
      return Optional.empty();
    }
    try {
      String id = io.spime.proto.v1.Command.parseFrom(payload).getCommandId();
      return id.isBlank() ? Optional.empty() : Optional.of(id);
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty();
    }
  }

  static io.spime.proto.v1.DriverProfile encode(DriverProfile profile) {
    io.spime.proto.v1.DriverProfile.Builder out = io.spime.proto.v1.DriverProfile.newBuilder()
        .setCustomerId(profile.customerId())
        .setSeatForeAftPercent(profile.seatForeAftPercent())
        .setSeatHeightPercent(profile.seatHeightPercent())
        .setSeatReclinePercent(profile.seatReclinePercent())
        .setClimateTemperatureC(profile.climateTemperatureC())
        .addAllMediaPresets(profile.mediaPresets());
    profile.extras().forEach((name, value) -> out.putExtras(name, encode(value)));
    return out.build();
  }

  private static Command command(io.spime.proto.v1.Command proto, Command.Kind kind, Optional<DriverProfile> profile) {
    return new Command(proto.getCommandId(), kind, proto.getIssuedMs(), proto.getExpiresMs(), profile);
  }

  static DriverProfile profileOf(io.spime.proto.v1.DriverProfile proto) {
    Map<String, SignalValue> extras = new HashMap<>();
    proto.getExtrasMap().forEach((name, value) -> extras.put(name, decode(name, value)));
    try {
      return new DriverProfile(proto.getCustomerId(), proto.getSeatForeAftPercent(),
          proto.getSeatHeightPercent(), proto.getSeatReclinePercent(), proto.getClimateTemperatureC(),
          proto.getMediaPresetsList(), extras);
    } catch (IllegalArgumentException e) {
      throw new DownlinkException("driver profile: " + e.getMessage());
    }
  }

  private static SignalValue decode(String name, Value value) {
    return switch (value.getKindCase()) {
      case DOUBLE_VALUE -> {
        if (!Double.isFinite(value.getDoubleValue())) {
          throw new DownlinkException("profile extra " + name + " is not finite");
        }
        yield new SignalValue.Number(value.getDoubleValue());
      }
      case INT_VALUE -> new SignalValue.Number(value.getIntValue());
      case BOOL_VALUE -> new SignalValue.Bool(value.getBoolValue());
      case STRING_VALUE -> new SignalValue.Text(value.getStringValue());
      default -> throw new DownlinkException("profile extra " + name + " has no value");
    };
  }

  static Value encode(SignalValue value) {
    if (value instanceof SignalValue.Number number) {
      return Value.newBuilder().setDoubleValue(number.value()).build();
    }
    if (value instanceof SignalValue.Bool bool) {
      return Value.newBuilder().setBoolValue(bool.value()).build();
    }
    return Value.newBuilder().setStringValue(((SignalValue.Text) value).value()).build();
  }

  private static void requireVin(String inPayload, Vin vin, String what) {
    if (!vin.value().equals(inPayload)) {
      throw new DownlinkException(what + " is for VIN '" + inPayload + "', this car is " + vin);
    }
  }

  private static <T> T parse(byte[] payload, String what, com.google.protobuf.Parser<T> parser) {
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new DownlinkException(what + " of " + payload.length + " bytes exceeds the limit of "
          + MAX_PAYLOAD_BYTES);
    }
    try {
      return parser.parseFrom(payload);
    } catch (InvalidProtocolBufferException e) {
      throw new DownlinkException(what + " of " + payload.length + " bytes is not valid protobuf: "
          + e.getMessage());
    }
  }
}
