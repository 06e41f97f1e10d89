package io.spime.twin.identity;

import io.spime.twin.internal.Checks;
import io.spime.wire.AssetId;
import io.spime.wire.AssetKind;
import java.util.Objects;

/**
 * What the asset is: a car, trailer, bicycle, e-bike, e-scooter or boat.
 *
 * @param vin its id, of the scheme its kind uses (VIN, frame number or HIN)
 * @param make brand
 * @param model model name
 * @param modelYear model year, 1950 to 2200
 * @param powertrain powertrain
 * @param kind what kind of asset it is; absent in records written before kinds existed, which read
 *     as {@link AssetKind#CAR}
 */
public record VehicleIdentity(AssetId vin, String make, String model, int modelYear,
    Powertrain powertrain, AssetKind kind) {
  /**
   * Checks every field and that the id is of the kind's scheme.
   *
   * @throws IllegalArgumentException naming the kind, the scheme it needs and the id's scheme
   */
  public VehicleIdentity {
    Objects.requireNonNull(vin, "vin");
    Checks.text(make, "make");
    Checks.text(model, "model");
    if (modelYear < 1950 || modelYear > 2200) {
      throw new IllegalArgumentException("modelYear must be between 1950 and 2200, was " + modelYear);
    }
    Objects.requireNonNull(powertrain, "powertrain");
    kind = kind == null ? AssetKind.CAR : kind;
    if (!kind.accepts(vin)) {
      throw new IllegalArgumentException(kind.named() + " is identified by its "
          + kind.scheme().label() + ", but " + vin + " is a " + vin.scheme().label());
    }
  }

  /** A car's identity. */
  public VehicleIdentity(AssetId vin, String make, String model, int modelYear, Powertrain powertrain) {
    this(vin, make, model, modelYear, powertrain, AssetKind.CAR);
  }
}
