package io.spime.wire.internal;

import io.spime.wire.MalformedPayloadException;
import io.spime.wire.state.DriverProfile;

/** Driver profiles between their record and protobuf. */
public final class ProfileProtos {
  private ProfileProtos() {}

  public static io.spime.proto.v1.DriverProfile encode(DriverProfile profile) {
    return io.spime.proto.v1.DriverProfile.newBuilder()
        .setCustomerId(profile.customerId())
        .setSeatForeAftPercent(profile.seatForeAftPercent())
        .setSeatHeightPercent(profile.seatHeightPercent())
        .setSeatReclinePercent(profile.seatReclinePercent())
        .setClimateTemperatureC(profile.climateTemperatureC())
        .addAllMediaPresets(profile.mediaPresets())
        .putAllExtras(Values.encode(profile.extras()))
        .build();
  }

  /** A checked profile; {@code what} names the message it came in. */
  public static DriverProfile decode(io.spime.proto.v1.DriverProfile proto, String what) {
    try {
      return new DriverProfile(proto.getCustomerId(), proto.getSeatForeAftPercent(),
          proto.getSeatHeightPercent(), proto.getSeatReclinePercent(),
          proto.getClimateTemperatureC(), proto.getMediaPresetsList(),
          Values.decode(proto.getExtrasMap(), what + ": driver profile extra"));
    } catch (IllegalArgumentException e) {
      throw new MalformedPayloadException(what + ": driver profile: " + e.getMessage(), e);
    }
  }
}
