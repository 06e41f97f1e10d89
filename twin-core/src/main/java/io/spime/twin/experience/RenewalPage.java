package io.spime.twin.experience;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of agreements due for renewal, riskiest first.
 *
 * @param candidates by risk points descending, then due date, car and agreement
 * @param next opaque cursor of the next page; empty when this was the last one
 */
public record RenewalPage(List<RenewalCandidate> candidates, Optional<String> next) {
  public RenewalPage {
    candidates = List.copyOf(candidates);
    Objects.requireNonNull(next, "next");
  }
}
