package io.spime.wire.vss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VssSpecTest {
  @TempDir Path dir;

  @Test
  void reads_leaves_with_datatype_unit_and_deprecation() {
    VssSpec spec = VssSpec.load(SpecFixture.write(dir));

    VssLeaf speed = spec.leaf("Vehicle.Speed").orElseThrow();
    assertEquals("float", speed.datatype());
    assertEquals(Optional.of("km/h"), speed.unit());
    assertEquals("sensor", speed.type());
    assertEquals(Optional.empty(), speed.deprecation());
    assertEquals(Optional.of("v9 - use Vehicle.Distance"),
        spec.leaf("Vehicle.Odometer").orElseThrow().deprecation());
    assertEquals(Optional.empty(), spec.leaf("Vehicle.Body.Light.Low.IsOn").orElseThrow().unit());
  }

  @Test
  void expands_row_ranges_combined_with_side_lists_for_included_and_dotted_children() {
    VssSpec spec = VssSpec.load(SpecFixture.write(dir));

    List<String> doors = spec.leaves().keySet().stream()
        .filter(p -> p.startsWith("Vehicle.Body.Door."))
        .collect(Collectors.toList());
    assertEquals(List.of(
        "Vehicle.Body.Door.Count",
        "Vehicle.Body.Door.Row1.DriverSide.HasKeyPad",
        "Vehicle.Body.Door.Row1.DriverSide.IsOpen",
        "Vehicle.Body.Door.Row1.DriverSide.Window.Position",
        "Vehicle.Body.Door.Row1.PassengerSide.IsOpen",
        "Vehicle.Body.Door.Row1.PassengerSide.Window.Position",
        "Vehicle.Body.Door.Row2.DriverSide.IsOpen",
        "Vehicle.Body.Door.Row2.DriverSide.Window.Position",
        "Vehicle.Body.Door.Row2.PassengerSide.IsOpen",
        "Vehicle.Body.Door.Row2.PassengerSide.Window.Position"), doors);
  }

  @Test
  void expands_a_range_string_a_plain_list_and_a_list_holding_one_list() {
    VssSpec spec = VssSpec.load(SpecFixture.write(dir));

    for (String wheel : List.of("Position1", "Position2", "Position3")) {
      assertTrue(spec.leaf("Vehicle.Body.Wheel." + wheel + ".Pressure").isPresent(), wheel);
    }
    assertFalse(spec.leaf("Vehicle.Body.Wheel.Position4.Pressure").isPresent());
    assertFalse(spec.leaf("Vehicle.Body.Wheel.Pressure").isPresent());
    assertTrue(spec.leaf("Vehicle.Body.Mirror.Left.Tilt").isPresent());
    assertTrue(spec.leaf("Vehicle.Body.Mirror.Right.Tilt").isPresent());
    assertTrue(spec.leaf("Vehicle.Body.Light.Low.IsOn").isPresent());
    assertTrue(spec.leaf("Vehicle.Body.Light.High.IsOn").isPresent());
  }

  @Test
  void resolves_includes_from_the_including_folder_then_from_the_spec_root() {
    VssSpec spec = VssSpec.load(SpecFixture.write(dir));

    // Body/Body.vspec includes include/Common.vspec: not under Body/, so from the root; Common
    // includes Deeper.vspec from its own folder.
    VssLeaf depth = spec.leaf("Vehicle.Body.Wheel.Position2.Inner.Depth").orElseThrow();
    assertEquals("float", depth.datatype());
    assertEquals(Optional.of("mm"), depth.unit());
  }

  @Test
  void tells_branches_from_missing_paths() {
    VssSpec spec = VssSpec.load(SpecFixture.write(dir));

    assertTrue(spec.isBranch("Vehicle.Body.Door.Row1"));
    assertFalse(spec.isBranch("Vehicle.Body.Door.Row3"));
    assertFalse(spec.isBranch("Vehicle.Speed"));
  }

  @Test
  void names_the_file_and_line_of_an_include_that_does_not_exist() {
    SpecFixture.write(dir);
    SpecFixture.file(dir, "Body/SingleDoor.vspec", "IsOpen:\n  datatype: boolean\n  type: actuator\n"
        + "#include Missing.vspec Handle\n");

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> VssSpec.load(dir));
    assertTrue(e.getMessage().contains("SingleDoor.vspec line 4 includes Missing.vspec"),
        e.getMessage());
  }

  @Test
  void a_spec_missing_from_the_class_path_fails_naming_where_it_was_looked_for() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> VssSpec.fromClasspath("/vss/nowhere/"));
    assertEquals("VSS spec not found on the class path at /vss/nowhere/VehicleSignalSpecification.vspec;"
        + " the tests' copy lives in proto/src/test/resources/vss (see the README there)", e.getMessage());
  }

  @Test
  void reads_instance_levels() {
    assertEquals(List.of(List.of("Row1", "Row2", "Row3", "Row4")), VssInstances.levels("Row[1,4]"));
    assertEquals(List.of(List.of("Left", "Right")), VssInstances.levels(List.of("Left", "Right")));
    assertEquals(List.of(List.of("Row1", "Row2"), List.of("DriverSide", "PassengerSide")),
        VssInstances.levels(List.of("Row[1,2]", List.of("DriverSide", "PassengerSide"))));
    assertEquals(List.of(List.of("Central", "Trunk")),
        VssInstances.levels(List.of(List.of("Central", "Trunk"))));
    assertEquals(List.of(), VssInstances.levels(null));
    assertThrows(IllegalArgumentException.class, () -> VssInstances.levels("Row[3,1]"));
  }
}
