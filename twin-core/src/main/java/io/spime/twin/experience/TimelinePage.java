package io.spime.twin.experience;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a customer's timeline.
 *
 * @param touchpoints newest first
 * @param next opaque cursor of the next page; empty when this was the last one
 */
public record TimelinePage(List<Touchpoint> touchpoints, Optional<String> next) {
  public TimelinePage {
    touchpoints = List.copyOf(touchpoints);
    Objects.requireNonNull(next, "next");
  }
}
