package io.spime.twin.identity;

import io.spime.twin.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
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

  /** A builder for the record of a car built at a plant at an instant; components and materials follow. */
  public static Builder builder(String plant, Instant builtAt) {
    return new Builder(plant, builtAt);
  }

  /** Collects a production record's components and materials. */
  public static final class Builder {
    private final String plant;
    private final Instant builtAt;
    private final List<ComponentInstance> components = new ArrayList<>();
    private final List<MaterialContent> materials = new ArrayList<>();
    private double embodiedCarbonKgCo2e;

    private Builder(String plant, Instant builtAt) {
      this.plant = Checks.text(plant, "plant");
      this.builtAt = Objects.requireNonNull(builtAt, "builtAt");
    }

    /** Adds a component instance as built; each needs a slot of its own. */
    public Builder component(ComponentInstance component) {
      components.add(Objects.requireNonNull(component, "component"));
      return this;
    }

    /** Adds a material's content. */
    public Builder material(MaterialContent material) {
      materials.add(Objects.requireNonNull(material, "material"));
      return this;
    }

    /** Sets the cradle-to-gate emissions in kg CO2e (0 if not set). */
    public Builder embodiedCarbonKgCo2e(double kg) {
      this.embodiedCarbonKgCo2e = Checks.nonNegative(kg, "embodiedCarbonKgCo2e");
      return this;
    }

    /**
     * The record.
     *
     * @throws IllegalArgumentException if two components share a slot
     */
    public ProductionRecord build() {
      return new ProductionRecord(plant, builtAt, components, materials, embodiedCarbonKgCo2e);
    }
  }
}
