package io.spime.wire.internal;

import io.spime.wire.MalformedPayloadException;
import io.spime.wire.StreamPosition;
import io.spime.wire.AssetId;
import io.spime.wire.VinMismatchException;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.Command;
import io.spime.wire.state.ConsentSet;
import io.spime.wire.state.DesiredState;
import io.spime.wire.state.DriverProfile;
import io.spime.wire.state.ReportedState;
import io.spime.wire.telemetry.SignalValue;
import java.util.Map;
import java.util.Optional;

/**
 * Reported state, desired state and commands between their records and protobuf. Reported and
 * desired state are written with {@code time_ms} last and read only with a positive time, so a
 * payload cut at a field boundary is refused.
 */
public final class StateProtos {
  /** Field number of {@code time_ms} in ReportedState and DesiredState. */
  private static final int TIME_FIELD = 3;

  private StateProtos() {}

  public static byte[] reportedBody(AssetId vin, long timeMillis, long desiredVersion,
      Map<String, String> softwareVersions, Map<String, SignalValue> properties,
      Optional<CollectionPolicy> policy, Optional<ConsentSet> consent, Optional<DriverProfile> profile) {
    io.spime.proto.v1.ReportedState.Builder out = io.spime.proto.v1.ReportedState.newBuilder()
        .setVin(vin.value())
        .setDesiredVersion(desiredVersion)
        .putAllSoftwareVersions(softwareVersions)
        .putAllProperties(Values.encode(properties));
    policy.ifPresent(p -> out.setPolicy(PolicyProtos.encode(p)));
    consent.ifPresent(c -> out.setConsent(PolicyProtos.encode(c)));
    profile.ifPresent(p -> out.setProfile(ProfileProtos.encode(p)));
    return Fields.appendInt64(out.build().toByteArray(), TIME_FIELD, timeMillis);
  }

  public static ReportedState reported(io.spime.proto.v1.ReportedState proto, SignalCatalog catalog) {
    AssetId vin = AssetId.parseLenient(proto.getVin());
    StreamPosition position = Positions.of(proto.getSequence(), "reported state of " + vin);
    String what = "reported state " + position.seq() + " of " + vin;
    long time = Parsing.requireTime(proto.getTimeMs(), what);
    long desiredVersion = Parsing.requireSigned(proto.getDesiredVersion(), what, "desired version");
    Map<String, SignalValue> properties = Values.decode(proto.getPropertiesMap(), what + ": property");
    return new ReportedState(vin, position, time, desiredVersion, proto.getSoftwareVersionsMap(),
        properties,
        proto.hasPolicy()
            ? Optional.of(PolicyProtos.decode(proto.getPolicy(), catalog, what)) : Optional.empty(),
        proto.hasConsent()
            ? Optional.of(PolicyProtos.decode(proto.getConsent(), what)) : Optional.empty(),
        proto.hasProfile()
            ? Optional.of(ProfileProtos.decode(proto.getProfile(), what)) : Optional.empty());
  }

  public static byte[] desired(AssetId vin, DesiredState desired, long timeMillis) {
    io.spime.proto.v1.DesiredState.Builder out = io.spime.proto.v1.DesiredState.newBuilder()
        .setVin(vin.value())
        .setVersion(desired.version());
    desired.policy().ifPresent(p -> out.setPolicy(PolicyProtos.encode(p)));
    desired.consent().ifPresent(c -> out.setConsent(PolicyProtos.encode(c)));
    desired.profile().ifPresent(p -> out.setProfile(ProfileProtos.encode(p)));
    return Fields.appendInt64(out.build().toByteArray(), TIME_FIELD, timeMillis);
  }

  public static DesiredState desired(
      io.spime.proto.v1.DesiredState proto, AssetId vin, SignalCatalog catalog) {
    requireVin(proto.getVin(), vin, "desired state v" + Long.toUnsignedString(proto.getVersion()));
    String what = "desired state v" + Long.toUnsignedString(proto.getVersion()) + " of " + vin;
    if (proto.getVersion() == 0) {
      throw new MalformedPayloadException("desired state of " + vin + " has no version");
    }
    Parsing.requireSigned(proto.getVersion(), "desired state of " + vin, "version");
    Parsing.requireTime(proto.getTimeMs(), what);
    return new DesiredState(proto.getVersion(),
        proto.hasPolicy()
            ? Optional.of(PolicyProtos.decode(proto.getPolicy(), catalog, what)) : Optional.empty(),
        proto.hasConsent()
            ? Optional.of(PolicyProtos.decode(proto.getConsent(), what)) : Optional.empty(),
        proto.hasProfile()
            ? Optional.of(ProfileProtos.decode(proto.getProfile(), what)) : Optional.empty());
  }

  public static byte[] command(AssetId vin, Command command) {
    io.spime.proto.v1.Command.Builder out = io.spime.proto.v1.Command.newBuilder()
        .setVin(vin.value())
        .setCommandId(command.commandId())
        .setIssuedMs(command.issuedMillis())
        .setExpiresMs(command.expiresMillis());
    switch (command.kind()) {
      case FLUSH_NOW -> out.setFlushNow(io.spime.proto.v1.FlushNow.getDefaultInstance());
      case SEND_SNAPSHOT -> out.setSendSnapshot(io.spime.proto.v1.SendSnapshot.getDefaultInstance());
      case APPLY_PROFILE -> out.setApplyProfile(ProfileProtos.encode(command.profile().orElseThrow()));
    }
    return out.build().toByteArray();
  }

  public static Command command(io.spime.proto.v1.Command proto, AssetId vin) {
    String id = proto.getCommandId();
    requireVin(proto.getVin(), vin, "command " + id);
    if (id.isBlank()) {
      throw new MalformedPayloadException("command for " + vin + " has no id");
    }
    String what = "command " + id + " for " + vin;
    return switch (proto.getKindCase()) {
      case FLUSH_NOW -> command(proto, Command.Kind.FLUSH_NOW, Optional.empty());
      case SEND_SNAPSHOT -> command(proto, Command.Kind.SEND_SNAPSHOT, Optional.empty());
      case APPLY_PROFILE -> command(proto, Command.Kind.APPLY_PROFILE,
          Optional.of(ProfileProtos.decode(proto.getApplyProfile(), what)));
      case KIND_NOT_SET -> throw new MalformedPayloadException(
          what + " asks for nothing this version knows");
    };
  }

  private static Command command(
      io.spime.proto.v1.Command proto, Command.Kind kind, Optional<DriverProfile> profile) {
    return new Command(proto.getCommandId(), kind, proto.getIssuedMs(), proto.getExpiresMs(), profile);
  }

  private static void requireVin(String inPayload, AssetId vin, String what) {
    if (!vin.value().equals(inPayload)) {
      throw new VinMismatchException(what + " is for VIN '" + inPayload + "', this car is " + vin);
    }
  }
}
