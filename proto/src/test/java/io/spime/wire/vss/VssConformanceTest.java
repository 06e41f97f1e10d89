package io.spime.wire.vss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in catalog against the COVESA VSS subset vendored in {@code src/test/resources/vss}
 * (failing, not skipping, when it is missing), and proof that the check fails on a wrong catalog.
 */
class VssConformanceTest {
  private static VssSpec real;

  private static synchronized VssSpec realSpec() {
    if (real == null) {
      real = VssSpec.vendored();
    }
    return real;
  }

  @Test
  void every_built_in_signal_exists_in_vss_with_its_datatype_and_unit() {
    VssSpec spec = realSpec();

    assertEquals(List.of(), VssConformance.problems(SignalCatalog.builtIn(), spec));
  }

  @Test
  void real_spec_is_read_completely_with_instances_expanded() {
    VssSpec spec = realSpec();

    assertEquals(968, spec.leaves().size(), "data entries of the vendored subset, instances expanded");
    for (String path : List.of(
        "Vehicle.Speed",
        "Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire.Pressure",
        "Vehicle.Cabin.Door.Row2.PassengerSide.Window.Position",
        "Vehicle.Cabin.Seat.Row2.Middle.Position",
        "Vehicle.Cabin.HVAC.Station.Row4.Passenger.Temperature",
        "Vehicle.Body.Trunk.Front.IsOpen",
        "Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature",
        "Vehicle.Body.Lights.Beam.Low.IsOn")) {
      assertTrue(spec.leaf(path).isPresent(), path + " not read");
    }
    assertTrue(spec.leaf("Vehicle.Cabin.Door.Row3.DriverSide.IsOpen").isEmpty());
    assertTrue(spec.leaf("Vehicle.Cabin.Door.IsOpen").isEmpty());
  }

  @Test
  void check_fails_on_wrong_unit_type_unknown_path_branch_and_deprecated_signal_in_real_spec() {
    VssSpec spec = realSpec();

    List<String> problems = VssConformance.problems(wrongCatalog(
        "Vehicle.Speed", "Vehicle.TraveledDistance", "Vehicle.Chassis.Axle.Row3.Wheel.Left.Tire.Pressure",
        "Vehicle.Cabin.Door.Row1.DriverSide", "Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Temperature"),
        spec);

    assertEquals(List.of(
        "signal 1 Vehicle.Speed has unit m/s, VSS says km/h",
        "signal 2 Vehicle.TraveledDistance has datatype float, VSS says uint32",
        "signal 3 Vehicle.Chassis.Axle.Row3.Wheel.Left.Tire.Pressure is not in VSS",
        "signal 4 Vehicle.Cabin.Door.Row1.DriverSide is a VSS branch, not a data entry",
        "signal 5 Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Temperature is deprecated in VSS: "
            + "v6.0 - use RubberTemperature or AirTemperature instead."), problems);
  }

  @Test
  void check_fails_on_wrong_unit_type_unknown_path_branch_and_deprecated_signal(
      @TempDir Path dir) {
    VssSpec spec = VssSpec.load(SpecFixture.write(dir));

    List<String> problems = VssConformance.problems(wrongCatalog(
        "Vehicle.Speed", "Vehicle.Body.Door.Row1.DriverSide.Window.Position",
        "Vehicle.Body.Door.Row1.Middle.IsOpen", "Vehicle.Body.Door.Row1",
        "Vehicle.Odometer"), spec);

    assertEquals(List.of(
        "signal 1 Vehicle.Speed has unit m/s, VSS says km/h",
        "signal 2 Vehicle.Body.Door.Row1.DriverSide.Window.Position has datatype float, VSS says uint8",
        "signal 2 Vehicle.Body.Door.Row1.DriverSide.Window.Position has unit m, VSS says percent",
        "signal 3 Vehicle.Body.Door.Row1.Middle.IsOpen is not in VSS",
        "signal 4 Vehicle.Body.Door.Row1 is a VSS branch, not a data entry",
        "signal 5 Vehicle.Odometer is deprecated in VSS: v9 - use Vehicle.Distance"), problems);
  }

  @Test
  void a_conforming_catalog_has_no_problems(@TempDir Path dir) {
    VssSpec spec = VssSpec.load(SpecFixture.write(dir));
    SignalCatalog catalog = SignalCatalog.of(1, List.of(
        signal(1, "Vehicle.Speed", "float", "km/h"),
        signal(2, "Vehicle.Body.Door.Row2.PassengerSide.IsOpen", "boolean", null),
        signal(3, "Vehicle.Body.Wheel.Position3.Inner.Depth", "float", "mm")));

    assertEquals(List.of(), VssConformance.problems(catalog, spec));
  }

  /** Signal 1 with a wrong unit, 2 with a wrong type, 3 unknown, 4 a branch, 5 deprecated. */
  private static SignalCatalog wrongCatalog(
      String wrongUnit, String wrongType, String unknown, String branch, String deprecated) {
    return SignalCatalog.of(1, List.of(
        signal(1, wrongUnit, "float", "m/s"),
        signal(2, wrongType, "float", "m"),
        signal(3, unknown, "uint16", "kPa"),
        signal(4, branch, "boolean", null),
        signal(5, deprecated, deprecated.endsWith("Odometer") ? "uint32" : "float",
            deprecated.endsWith("Odometer") ? "m" : "Celsius")));
  }

  private static SignalDefinition signal(int id, String path, String datatype, String unit) {
    return new SignalDefinition(id, path, datatype, Optional.ofNullable(unit), 0,
        DataCategory.VEHICLE_HEALTH, Priority.NORMAL);
  }
}
