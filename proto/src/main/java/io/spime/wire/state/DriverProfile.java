package io.spime.wire.state;

import io.spime.wire.telemetry.SignalValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A driver's cabin preferences, as the cloud asks the car to apply them.
 *
 * @param customerId the customer the profile belongs to
 * @param seatForeAftPercent seat position, 0-100 % of travel
 * @param seatHeightPercent seat height, 0-100 %
 * @param seatReclinePercent seat recline, 0-100 %
 * @param climateTemperatureC cabin temperature in degrees Celsius
 * @param mediaPresets preferred media sources or stations, in order
 * @param extras further preferences by name
 */
public record DriverProfile(
    String customerId,
    double seatForeAftPercent,
    double seatHeightPercent,
    double seatReclinePercent,
    double climateTemperatureC,
    List<String> mediaPresets,
    Map<String, SignalValue> extras) {

  public DriverProfile {
    Objects.requireNonNull(customerId, "customerId");
    percent("seatForeAftPercent", seatForeAftPercent);
    percent("seatHeightPercent", seatHeightPercent);
    percent("seatReclinePercent", seatReclinePercent);
    if (!(climateTemperatureC >= 10 && climateTemperatureC <= 35)) {
      throw new IllegalArgumentException(
          "climateTemperatureC must be 10..35, was " + climateTemperatureC);
    }
    mediaPresets = List.copyOf(mediaPresets);
    extras = Map.copyOf(extras);
  }

  private static void percent(String name, double value) {
    if (!(value >= 0 && value <= 100)) {
      throw new IllegalArgumentException(name + " must be 0..100, was " + value);
    }
  }
}
