package io.spime.sim.internal.car;

import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.wire.AssetId;
import io.spime.wire.AssetKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which kind of asset each vehicle of a run is. The {@code rental-fleet} scenario mixes kinds by a
 * fixed share: of every 12 vehicles 6 are cars, 2 e-bikes, and one each a bicycle, an e-scooter, a
 * boat and a trailer, in an order that has every kind present from 6 vehicles on. Every other
 * scenario drives cars only. The kind depends only on the scenario and the vehicle's index, so a
 * shard or a child process finds the same one.
 */
public final class FleetMix {
  private static final List<AssetKind> RENTAL_PATTERN = List.of(
      AssetKind.CAR, AssetKind.E_BIKE, AssetKind.E_SCOOTER, AssetKind.BOAT, AssetKind.TRAILER,
      AssetKind.BICYCLE, AssetKind.CAR, AssetKind.CAR, AssetKind.E_BIKE, AssetKind.CAR,
      AssetKind.CAR, AssetKind.CAR);

  private FleetMix() {}

  /** The kind of vehicle {@code index} in a run of this scenario. */
  public static AssetKind kindAt(ScenarioSpec scenario, int index) {
    if (scenario.office() != ScenarioSpec.Office.RENTAL_FLEET) {
      return AssetKind.CAR;
    }
    return RENTAL_PATTERN.get(index % RENTAL_PATTERN.size());
  }

  /**
   * How many of each kind a run of this scenario has, for people: {@code 4 cars, 1 e-bike, 1 boat};
   * empty when all are cars.
   */
  public static String describe(ScenarioSpec scenario, int vehicles) {
    Map<AssetKind, Integer> counts = new EnumMap<>(AssetKind.class);
    for (int i = 0; i < vehicles; i++) {
      counts.merge(kindAt(scenario, i), 1, Integer::sum);
    }
    if (counts.keySet().equals(Set.of(AssetKind.CAR))) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((kind, count) -> parts.add(count + " " + kind.wireName() + (count == 1 ? "" : "s")));
    return String.join(", ", parts);
  }

  /** The id of vehicle {@code index} in a run of this scenario and seed: same inputs, same id. */
  public static AssetId idAt(ScenarioSpec scenario, long seed, int index) {
    return AssetIds.of(kindAt(scenario, index), seed, index);
  }
}
