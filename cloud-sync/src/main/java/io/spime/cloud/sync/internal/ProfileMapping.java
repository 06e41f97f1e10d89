package io.spime.cloud.sync.internal;

import io.spime.twin.custody.PartyId;
import io.spime.twin.customer.CustomerProfile;
import io.spime.wire.state.DriverProfile;
import io.spime.wire.telemetry.SignalValue;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's cabin preferences, as kept in their master record, turned into the driver profile a car
 * applies. Known keys: {@code seat.foreAftPercent}, {@code seat.heightPercent}, {@code seat.reclinePercent},
 * {@code climate.temperatureC}, {@code media.presets} (comma-separated); any other preference travels as a
 * text extra. Missing values take the neutral profile's.
 */
final class ProfileMapping {
  /** No personal profile: the car's neutral settings (customer id empty). */
  static final DriverProfile NEUTRAL = new DriverProfile("", 50, 50, 50, 21, List.of(), Map.of());

  private static final List<String> KNOWN = List.of(
      "seat.foreAftPercent", "seat.heightPercent", "seat.reclinePercent", "climate.temperatureC",
      "media.presets");

  private ProfileMapping() {}

  /** @throws IllegalArgumentException naming the preference that is out of range or not a number */
  static DriverProfile of(PartyId customer, CustomerProfile profile) {
    Map<String, String> prefs = profile.preferences();
    Map<String, SignalValue> extras = new HashMap<>();
    prefs.forEach((key, value) -> {
      if (!KNOWN.contains(key)) {
        extras.put(key, new SignalValue.Text(value));
      }
    });
    String media = prefs.getOrDefault("media.presets", "");
    return new DriverProfile(customer.value(),
        number(prefs, "seat.foreAftPercent", NEUTRAL.seatForeAftPercent()),
        number(prefs, "seat.heightPercent", NEUTRAL.seatHeightPercent()),
        number(prefs, "seat.reclinePercent", NEUTRAL.seatReclinePercent()),
        number(prefs, "climate.temperatureC", NEUTRAL.climateTemperatureC()),
        media.isBlank() ? List.of() : Arrays.stream(media.split(",")).map(String::trim).toList(),
        extras);
  }

  private static double number(Map<String, String> prefs, String key, double fallback) {
    String text = prefs.get(key);
    if (text == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("preference " + key + " = '" + text + "' is not a number", e);
    }
  }
}
