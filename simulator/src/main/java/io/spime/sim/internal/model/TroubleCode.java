package io.spime.sim.internal.model;

import io.spime.wire.Priority;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The diagnostic trouble codes a simulated car sets and clears (SAE J2012 codes). The priority
 * becomes the twin's severity: CRITICAL stays critical, HIGH is a warning, NORMAL is information.
 */
public enum TroubleCode {
  BATTERY_OVER_TEMPERATURE("P0A7E", "BMS", Priority.HIGH, "traction battery over temperature"),
  LOW_VOLTAGE("P0562", "BCM", Priority.NORMAL, "12 V system voltage low"),
  TYRE_FRONT_LEFT("C0750", "TPMS", Priority.HIGH, "tyre pressure low, front left"),
  TYRE_FRONT_RIGHT("C0755", "TPMS", Priority.HIGH, "tyre pressure low, front right"),
  TYRE_REAR_LEFT("C0760", "TPMS", Priority.HIGH, "tyre pressure low, rear left"),
  TYRE_REAR_RIGHT("C0765", "TPMS", Priority.HIGH, "tyre pressure low, rear right"),
  ISOLATION_FAULT("P0AA6", "BMS", Priority.CRITICAL, "high-voltage isolation fault");

  /** The tyre codes by wheel: front left, front right, rear left, rear right. */
  static final TroubleCode[] TYRES =
      {TYRE_FRONT_LEFT, TYRE_FRONT_RIGHT, TYRE_REAR_LEFT, TYRE_REAR_RIGHT};

  private static final Map<String, TroubleCode> BY_CODE = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(TroubleCode::code, Function.identity()));

  private final String code;
  private final String ecu;
  private final Priority priority;
  private final String description;

  TroubleCode(String code, String ecu, Priority priority, String description) {
    this.code = code;
    this.ecu = ecu;
    this.priority = priority;
    this.description = description;
  }

  /**
   * The trouble code with this SAE code.
   *
   * @throws IllegalArgumentException if the simulator never raises such a code
   */
  public static TroubleCode of(String code) {
    TroubleCode found = BY_CODE.get(code);
    if (found == null) {
      throw new IllegalArgumentException("'" + code + "' is not a trouble code the simulator raises");
    }
    return found;
  }

  public String code() {
    return code;
  }

  public String ecu() {
    return ecu;
  }

  public Priority priority() {
    return priority;
  }

  public String description() {
    return description;
  }
}
