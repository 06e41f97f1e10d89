package io.spime.sim.internal.verify;

import io.spime.twin.custody.PartyId;
import io.spime.twin.experience.RenewalCandidate;
import io.spime.twin.experience.RiskReason;
import io.spime.wire.AssetId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the customers a run seeded with bad experiences are exactly the top of the renewal ranking:
 * the {@code renewal} scenario's check. Each of the {@code k} seeded customers must be due in the
 * window and rank among the first {@code k}, every one of them strictly riskier than every other
 * customer (a tie would leave the order to the due day, not the experience), and every car of the
 * fleet must have its agreement in the ranking.
 *
 * @param top the first {@link #SHOWN} of the ranking, riskiest first
 * @param seeded the customers seeded with bad experiences
 * @param ranked how many of the fleet's agreements the ranking holds
 * @param failures what went wrong, one line each, naming the customer, its rank, points and reasons;
 *     empty when the check passed
 */
public record RenewalCheck(List<RenewalCandidate> top, Set<PartyId> seeded, int ranked, List<String> failures) {
  /** How many of the ranking the check keeps for the report. */
  public static final int SHOWN = 20;

  public RenewalCheck {
    top = List.copyOf(top);
    seeded = Set.copyOf(seeded);
    failures = List.copyOf(failures);
  }

  /** True when the seeded customers are exactly the top of the ranking. */
  public boolean passed() {
    return failures.isEmpty();
  }

  /**
   * Checks a ranking.
   *
   * @param ranking the fleet's agreements due, in the store's order (riskiest first)
   * @param seeded the customers seeded with bad experiences
   * @param fleetSize how many cars the fleet leased
   */
  public static RenewalCheck of(List<RenewalCandidate> ranking, Set<PartyId> seeded, int fleetSize) {
    List<String> failures = new ArrayList<>();
    if (ranking.size() != fleetSize) {
      failures.add(ranking.size() + " of the fleet's " + fleetSize + " leases are due in the ranking's window");
    }
    int k = seeded.size();
    for (PartyId customer : seeded.stream().sorted(Comparator.comparing(PartyId::value)).toList()) {
      int at = indexOf(ranking, customer);
      if (at < 0) {
        failures.add("seeded customer " + customer + " is not in the ranking");
      } else if (at >= k) {
        RenewalCandidate above = ranking.get(k - 1);
        failures.add("seeded customer " + describe(at, ranking.get(at)) + " ranked below the top " + k
            + ", where #" + k + " is " + (seeded.contains(above.customer()) ? "seeded " : "unseeded ")
            + describe(k - 1, above));
      }
    }
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      RenewalCandidate candidate = ranking.get(i);
      if (!seeded.contains(candidate.customer())) {
        failures.add("unseeded customer " + describe(i, candidate) + " ranked among the top " + k);
      }
    }
    failures.addAll(ties(ranking, seeded));
    return new RenewalCheck(ranking.subList(0, Math.min(SHOWN, ranking.size())), seeded, ranking.size(), failures);
  }

  /**
   * The last seeded customer must have more points than the first other one; when it ranks above it
   * with as many, only the due day put it there. (One ranking below an other is reported already.)
   */
  private static List<String> ties(List<RenewalCandidate> ranking, Set<PartyId> seeded) {
    int lowestSeeded = -1;
    int highestOther = -1;
    for (int i = 0; i < ranking.size(); i++) {
      if (seeded.contains(ranking.get(i).customer())) {
        lowestSeeded = i;
      } else if (highestOther < 0) {
        highestOther = i;
      }
    }
    if (lowestSeeded < 0 || highestOther < lowestSeeded
        || ranking.get(lowestSeeded).risk().points() > ranking.get(highestOther).risk().points()) {
      return List.of();
    }
    return List.of("seeded customer " + describe(lowestSeeded, ranking.get(lowestSeeded))
        + " is no riskier than unseeded customer " + describe(highestOther, ranking.get(highestOther))
        + ": their order is left to the due day");
  }

  private static int indexOf(List<RenewalCandidate> ranking, PartyId customer) {
    for (int i = 0; i < ranking.size(); i++) {
      if (ranking.get(i).customer().equals(customer)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code lessee-1 (car V, #3, 42 points: ...reasons)}. */
  static String describe(int index, RenewalCandidate candidate) {
    AssetId vin = candidate.agreement().vin();
    return candidate.customer() + " (car " + vin + ", #" + (index + 1) + ", " + candidate.risk().points()
        + " points" + (candidate.risk().reasons().isEmpty() ? "" : ": " + reasons(candidate)) + ")";
  }

  /** The reasons of a score, heaviest first: {@code days in workshop 25 x 3 = 75, ...}. */
  public static String reasons(RenewalCandidate candidate) {
    return candidate.risk().reasons().stream().map(RenewalCheck::reason).collect(Collectors.joining(", "));
  }

  private static String reason(RiskReason r) {
    String capped = r.points() < r.value() * r.weight() ? " (capped)" : "";
    String named = r.details().isEmpty() ? "" : " (" + String.join(", ", r.details()) + ")";
    return r.signal().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + r.value() + " x " + r.weight() + " = "
        + r.points() + capped + named;
  }
}
