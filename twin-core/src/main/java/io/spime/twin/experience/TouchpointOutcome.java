package io.spime.twin.experience;

import java.util.OptionalInt;

/**
 * How a touchpoint ended for the customer.
 *
 * @param answered whether the customer got an answer (false: a complaint or call left unanswered)
 * @param resolved whether the customer's matter was resolved
 * @param satisfaction the customer's rating from 1 (very unhappy) to 5 (very happy), when given
 */
public record TouchpointOutcome(boolean answered, boolean resolved, OptionalInt satisfaction) {
  public TouchpointOutcome {
    if (satisfaction.isPresent() && (satisfaction.getAsInt() < 1 || satisfaction.getAsInt() > 5)) {
      throw new IllegalArgumentException("satisfaction must be 1 to 5, was " + satisfaction.getAsInt());
    }
  }

  /** Answered and resolved, no rating. */
  public static TouchpointOutcome answeredAndResolved() {
    return new TouchpointOutcome(true, true, OptionalInt.empty());
  }

  /** Answered but not resolved, no rating. */
  public static TouchpointOutcome answeredNotResolved() {
    return new TouchpointOutcome(true, false, OptionalInt.empty());
  }

  /** Never answered (and so not resolved), no rating. */
  public static TouchpointOutcome unanswered() {
    return new TouchpointOutcome(false, false, OptionalInt.empty());
  }

  /** The same outcome with the customer's rating. */
  public TouchpointOutcome rated(int stars) {
    return new TouchpointOutcome(answered, resolved, OptionalInt.of(stars));
  }
}
