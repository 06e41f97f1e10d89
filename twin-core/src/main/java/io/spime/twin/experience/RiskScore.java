package io.spime.twin.experience;

import java.util.List;

/**
 * An explainable renewal risk: the score is the sum of its reasons' points, nothing else.
 *
 * @param points 0 for a customer with nothing to complain about; higher is riskier
 * @param reasons the reasons with points, the heaviest first
 */
public record RiskScore(long points, List<RiskReason> reasons) {
  public RiskScore {
    reasons = List.copyOf(reasons);
    long sum = reasons.stream().mapToLong(RiskReason::points).sum();
    if (sum != points) {
      throw new IllegalArgumentException("a risk score is the sum of its reasons: " + sum + ", not " + points);
    }
  }

  /** The score of these reasons. */
  public static RiskScore of(List<RiskReason> reasons) {
    return new RiskScore(reasons.stream().mapToLong(RiskReason::points).sum(), reasons);
  }
}
