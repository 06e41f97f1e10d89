package io.spime.twin.fleet;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a fleet query.
 *
 * @param vehicles the matches, in the query's order
 * @param next cursor of the next page; empty when this was the last one
 */
public record FleetPage(List<VehicleSummary> vehicles, Optional<String> next) {
  public FleetPage {
    vehicles = List.copyOf(vehicles);
    Objects.requireNonNull(next, "next");
  }
}
