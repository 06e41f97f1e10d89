package io.spime.twin.identity;

import io.spime.twin.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * One physical component built into the car.
 *
 * @param slot where it sits, such as {@code traction-battery} or {@code front-left-door-ecu}
 * @param partNumber the supplier's or maker's part number
 * @param serial the serial number of this instance
 * @param supplier who made it
 * @param firmware firmware version, for components that run software
 */
public record ComponentInstance(
    String slot, String partNumber, String serial, String supplier, Optional<String> firmware) {
  public ComponentInstance {
    Checks.text(slot, "slot");
    Checks.text(partNumber, "partNumber");
    Checks.text(serial, "serial");
    Checks.text(supplier, "supplier");
    Objects.requireNonNull(firmware, "firmware");
  }

  /** A component instance without firmware. */
  public static ComponentInstance of(String slot, String partNumber, String serial, String supplier) {
    return new ComponentInstance(slot, partNumber, serial, supplier, Optional.empty());
  }

  /** The same instance running this firmware. */
  public ComponentInstance withFirmware(String version) {
    return new ComponentInstance(slot, partNumber, serial, supplier, Optional.of(version));
  }
}
