package io.spime.twin.customer;

import io.spime.twin.internal.Checks;
import io.spime.wire.DataCategory;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a customer wants in any car they drive, and the data they agree to share. Personal data.
 *
 * @param displayName how to address them
 * @param preferences settings such as {@code seat.position}, {@code climate.temperature}, {@code media.source}
 * @param consents data categories the customer agrees to share by default, in any car
 */
public record CustomerProfile(String displayName, Map<String, String> preferences, Set<DataCategory> consents) {
  public CustomerProfile {
    Checks.text(displayName, "displayName");
    preferences = Map.copyOf(new TreeMap<>(preferences));
    consents = consents.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(consents));
  }
}
