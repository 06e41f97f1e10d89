package io.spime.twin.identity;

import io.spime.twin.internal.Checks;
import io.spime.wire.AssetId;
import java.util.Objects;

/**
 * What the car is.
 *
 * @param vin its VIN
 * @param make brand
 * @param model model name
 * @param modelYear model year, 1950 to 2200
 * @param powertrain powertrain
 */
public record VehicleIdentity(AssetId vin, String make, String model, int modelYear, Powertrain powertrain) {
  public VehicleIdentity {
    Objects.requireNonNull(vin, "vin");
    Checks.text(make, "make");
    Checks.text(model, "model");
    if (modelYear < 1950 || modelYear > 2200) {
      throw new IllegalArgumentException("modelYear must be between 1950 and 2200, was " + modelYear);
    }
    Objects.requireNonNull(powertrain, "powertrain");
  }
}
