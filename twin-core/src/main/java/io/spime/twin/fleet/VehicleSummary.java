package io.spime.twin.fleet;

import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.AssetId;
import io.spime.wire.AssetKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One vehicle in a fleet query's answer.
 *
 * @param vin the vehicle
 * @param revision its twin's revision
 * @param phase lifecycle phase
 * @param make make
 * @param model model
 * @param modelYear model year
 * @param batteryHealthPercent last battery state of health
 * @param lastSeen last time the car itself was heard from
 * @param kind what kind of asset it is (CAR until its production is recorded)
 */
public record VehicleSummary(
    AssetId vin,
    long revision,
    Optional<LifecyclePhase> phase,
    Optional<String> make,
    Optional<String> model,
    Optional<Integer> modelYear,
    Optional<Double> batteryHealthPercent,
    Optional<Instant> lastSeen,
    AssetKind kind) {
  public VehicleSummary {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(make, "make");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(modelYear, "modelYear");
    Objects.requireNonNull(batteryHealthPercent, "batteryHealthPercent");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(kind, "kind");
  }
}
