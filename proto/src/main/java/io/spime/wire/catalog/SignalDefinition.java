package io.spime.wire.catalog;

import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import java.util.Objects;
import java.util.Optional;

/**
 * One signal of the catalog: its wire id, VSS path and datatype, unit, the resolution it travels
 * at, and the consent category and default priority of its data.
 *
 * @param id wire id, unique in the catalog, 1 or more
 * @param path VSS path such as {@code Vehicle.Speed}
 * @param vssDatatype VSS datatype such as {@code float} or {@code uint32}
 * @param unit VSS unit such as {@code km/h}; empty for unitless signals
 * @param resolution step the value travels at (e.g. 0.1); 0 for full precision
 * @param category consent category of the signal's data
 * @param priority default priority of the signal's samples
 */
public record SignalDefinition(
    int id,
    String path,
    String vssDatatype,
    Optional<String> unit,
    double resolution,
    DataCategory category,
    Priority priority) {

  /** Checks every field; see the parameters. */
  public SignalDefinition {
    if (id < 1) {
      throw new IllegalArgumentException("signal id must be 1 or more, was " + id);
    }
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("Vehicle.")) {
      throw new IllegalArgumentException("signal path must start with 'Vehicle.', was '" + path + "'");
    }
    Objects.requireNonNull(vssDatatype, "vssDatatype");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(priority, "priority");
    if (!(resolution >= 0) || Double.isInfinite(resolution)) {
      throw new IllegalArgumentException(
          "resolution of " + path + " must be 0 or a positive number, was " + resolution);
    }
    SignalType type = SignalType.ofVss(vssDatatype);
    if (resolution > 0 && (type == SignalType.BOOLEAN || type == SignalType.STRING)) {
      throw new IllegalArgumentException(path + " is " + vssDatatype + " and cannot have a resolution");
    }
  }

  /** The value type. */
  public SignalType type() {
    return SignalType.ofVss(vssDatatype);
  }

  /** Whether values travel as integers scaled by {@link #resolution()} (integers always do). */
  public boolean isScaled() {
    return type() == SignalType.INTEGER || resolution > 0;
  }

  /** The scale integers travel at: the resolution, or 1 for integer signals without one. */
  public double scale() {
    return resolution > 0 ? resolution : 1.0;
  }
}
