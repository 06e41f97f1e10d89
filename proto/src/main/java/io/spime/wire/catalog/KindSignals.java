package io.spime.wire.catalog;

import io.spime.wire.AssetKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The signal catalog of each {@link AssetKind}: the built-in catalog's signals that kind sends.
 * Paths are VSS where VSS has the signal; where it has none (a bicycle's cadence, a boat's bilge
 * pump) they are VSS-style names under {@code Vehicle.Bicycle}, {@code Vehicle.Scooter} and
 * {@code Vehicle.Boat}, listed by {@link #extensions()}.
 */
public final class KindSignals {
  private static final List<String> MOTION = List.of("Vehicle.Speed", "Vehicle.TraveledDistance",
      "Vehicle.IsMoving", "Vehicle.CurrentLocation.Latitude", "Vehicle.CurrentLocation.Longitude",
      "Vehicle.CurrentLocation.Heading", "Vehicle.CurrentLocation.Altitude", "Vehicle.IsBrokenDown");
  private static final List<String> SERVICE = List.of("Vehicle.Service.DistanceToService",
      "Vehicle.Service.TimeToService", "Vehicle.Service.IsServiceDue", "Vehicle.Diagnostics.DTCCount");
  private static final List<String> LIGHT_BATTERY = List.of(
      "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current",
      "Vehicle.Powertrain.TractionBattery.StateOfHealth",
      "Vehicle.Powertrain.TractionBattery.Temperature.Average",
      "Vehicle.Powertrain.TractionBattery.Range",
      "Vehicle.Powertrain.TractionBattery.Charging.IsCharging");
  private static final List<String> PEDAL = List.of(
      "Vehicle.Bicycle.Cadence", "Vehicle.Bicycle.RiderPower");
  private static final List<String> BOAT_OWN = List.of("Vehicle.Boat.WaterDepth",
      "Vehicle.Boat.WaterTemperature", "Vehicle.Boat.Bilge.IsPumpRunning", "Vehicle.Boat.IsAnchored");
  private static final List<String> SCOOTER_OWN = List.of("Vehicle.Scooter.IsKickstandDown");
  private static final Set<String> EXTENSIONS = Stream.of(PEDAL, BOAT_OWN, SCOOTER_OWN,
      List.of("Vehicle.Bicycle.AssistLevel")).flatMap(List::stream).collect(Collectors.toSet());
  private static final Map<AssetKind, Set<String>> PATHS = paths();

  private KindSignals() {}

  /** The paths of this kind's signals. */
  public static Set<String> paths(AssetKind kind) {
    return PATHS.get(kind);
  }

  /** Whether a signal of this path belongs to this kind's catalog. */
  public static boolean sends(AssetKind kind, String path) {
    return PATHS.get(kind).contains(path);
  }

  /** This kind's signals of the catalog, ordered by id. */
  public static List<SignalDefinition> of(AssetKind kind, SignalCatalog catalog) {
    return catalog.signals().stream().filter(s -> sends(kind, s.path())).toList();
  }

  /** The VSS-style paths that VSS itself does not define. */
  public static Set<String> extensions() {
    return EXTENSIONS;
  }

  private static Map<AssetKind, Set<String>> paths() {
    Map<AssetKind, Set<String>> out = new EnumMap<>(AssetKind.class);
    Set<String> car = SignalCatalog.builtIn().signals().stream().map(SignalDefinition::path)
        .filter(p -> !EXTENSIONS.contains(p)).collect(Collectors.toUnmodifiableSet());
    out.put(AssetKind.CAR, car);
    out.put(AssetKind.TRAILER, join(MOTION, SERVICE, List.of("Vehicle.Trailer.IsConnected",
        "Vehicle.LowVoltageBattery.CurrentVoltage",
        "Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure",
        "Vehicle.Chassis.Axle.Row1.Wheel.Right.Tire.Pressure")));
    out.put(AssetKind.BICYCLE, join(MOTION, PEDAL, List.of("Vehicle.Service.IsServiceDue",
        "Vehicle.Service.DistanceToService")));
    out.put(AssetKind.E_BIKE, join(MOTION, PEDAL, SERVICE, LIGHT_BATTERY,
        List.of("Vehicle.Bicycle.AssistLevel")));
    out.put(AssetKind.E_SCOOTER, join(MOTION, SERVICE, LIGHT_BATTERY, SCOOTER_OWN));
    out.put(AssetKind.BOAT, join(MOTION, SERVICE, BOAT_OWN, List.of(
        "Vehicle.Powertrain.CombustionEngine.Speed", "Vehicle.Powertrain.CombustionEngine.IsRunning",
        "Vehicle.Powertrain.CombustionEngine.EngineHours",
        "Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature",
        "Vehicle.Powertrain.FuelSystem.RelativeLevel", "Vehicle.Powertrain.FuelSystem.Range",
        "Vehicle.LowVoltageBattery.CurrentVoltage", "Vehicle.Exterior.AirTemperature")));
    return out;
  }

  @SafeVarargs
  private static Set<String> join(List<String>... lists) {
    return Stream.of(lists).flatMap(List::stream).collect(Collectors.toUnmodifiableSet());
  }
}
