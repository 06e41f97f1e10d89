package io.spime.wire.state;

import io.spime.wire.DataCategory;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The data categories the driver (or keeper) has consented to send. Data of any other category is
 * never written to the car's disk and never sent.
 *
 * @param granted the categories with consent
 */
public record ConsentSet(Set<DataCategory> granted) {
  public ConsentSet {
    Objects.requireNonNull(granted, "granted");
    granted = granted.isEmpty()
        ? Set.of()
        : Set.copyOf(EnumSet.copyOf((Collection<DataCategory>) granted));
  }

  /** Consent for the given categories only. */
  public static ConsentSet of(DataCategory... categories) {
    return new ConsentSet(Set.of(categories));
  }

  /** Consent for every category. */
  public static ConsentSet all() {
    return new ConsentSet(EnumSet.allOf(DataCategory.class));
  }

  /**
   * The default before any consent arrives: only non-personal data (vehicle health). Personal data
   * needs explicit consent.
   */
  public static ConsentSet nonPersonalOnly() {
    return of(DataCategory.VEHICLE_HEALTH);
  }

  /** Whether data of this category may be stored and sent. */
  public boolean allows(DataCategory category) {
    return granted.contains(category);
  }
}
