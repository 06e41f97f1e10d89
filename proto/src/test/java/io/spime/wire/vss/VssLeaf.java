package io.spime.wire.vss;

import java.util.Optional;

/**
 * One instantiated VSS data entry (sensor, actuator or attribute).
 *
 * @param path full instantiated path, such as {@code Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure}
 * @param type {@code sensor}, {@code actuator} or {@code attribute}
 * @param datatype VSS datatype, such as {@code uint16}
 * @param unit VSS unit, empty when the entry has none
 * @param deprecation the entry's deprecation note, empty when it is not deprecated
 */
record VssLeaf(
    String path, String type, String datatype, Optional<String> unit, Optional<String> deprecation) {}
