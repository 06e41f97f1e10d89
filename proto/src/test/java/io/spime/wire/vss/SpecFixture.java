package io.spime.wire.vss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small VSS tree on disk using every construct the reader must handle. */
final class SpecFixture {
  private SpecFixture() {}

  static Path write(Path root) {
    file(root, VssSpec.ROOT_FILE, """
        Vehicle:
          type: branch
          description: Root.
        #include Body/Body.vspec Vehicle.Body

        Vehicle.Speed:
          datatype: float
          type: sensor
          unit: km/h
          description: Speed.

        Vehicle.Odometer:
          datatype: uint32
          type: sensor
          unit: m
          deprecation: v9 - use Vehicle.Distance
          description: Old odometer.
        """);
    file(root, "Body/Body.vspec", """
        Door:
          type: branch
          instances:
            - Row[1,2]
            - ["DriverSide","PassengerSide"]
          description: Doors.
        #include SingleDoor.vspec Door

        Door.Count:
          datatype: uint8
          type: attribute
          instantiate: false
          description: Number of doors.

        Door.Row1.DriverSide.HasKeyPad:
          datatype: boolean
          type: sensor
          description: Only the driver's door has one.

        Wheel:
          type: branch
          instances: Position[1,3]
          description: Wheels.
        #include include/Common.vspec Wheel

        Mirror:
          type: branch
          instances:
            - ["Left", "Right"]
          description: Mirrors.

        Mirror.Tilt:
          datatype: int8
          type: actuator
          unit: percent
          description: Tilt.

        Light:
          type: branch
          instances: ["Low", "High"]
          description: Lights.

        Light.IsOn:
          datatype: boolean
          type: actuator
          description: On.
        """);
    file(root, "Body/SingleDoor.vspec", """
        IsOpen:
          datatype: boolean
          type: actuator
          description: Open.

        Window.Position:
          datatype: uint8
          type: actuator
          unit: percent
          description: Window position.
        """);
    file(root, "include/Common.vspec", """
        Pressure:
          datatype: uint16
          type: sensor
          unit: kPa
          description: Pressure.
        #include Deeper.vspec Inner
        """);
    file(root, "include/Deeper.vspec", """
        Depth:
          datatype: float
          type: sensor
          unit: mm
          description: Depth.
        """);
    return root;
  }

  static void file(Path root, String name, String text) {
    try {
      Path path = root.resolve(name);
      Files.createDirectories(path.getParent());
      Files.writeString(path, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
