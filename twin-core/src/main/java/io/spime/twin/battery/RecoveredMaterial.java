package io.spime.twin.battery;

import io.spime.twin.internal.Checks;

/**
 * Material recovered at end of life.
 *
 * @param material such as {@code steel}, {@code lithium}
 * @param massKg mass in kilograms
 */
public record RecoveredMaterial(String material, double massKg) {
  public RecoveredMaterial {
    Checks.text(material, "material");
    Checks.nonNegative(massKg, "massKg");
  }
}
