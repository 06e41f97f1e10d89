package io.spime.twin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How and where the car was built.
 *
 * @param plant plant code
 * @param builtAt end of line
 * @param components component instances as built
 * @param materials material content
 * @param embodiedCarbonKgCo2e cradle-to-gate emissions in kg CO2e
 */
public record ProductionRecord(
    String plant,
    Instant builtAt,
    List<ComponentInstance> components,
    List<MaterialContent> materials,
    double embodiedCarbonKgCo2e) {
  public ProductionRecord {
    Checks.text(plant, "plant");
    Objects.requireNonNull(builtAt, "builtAt");
    components = List.copyOf(components);
    materials = List.copyOf(materials);
    Checks.nonNegative(embodiedCarbonKgCo2e, "embodiedCarbonKgCo2e");
    long slots = components.stream().map(ComponentInstance::slot).distinct().count();
    if (slots != components.size()) {
      throw new IllegalArgumentException("components must each have a slot of their own");
    }
  }
}
