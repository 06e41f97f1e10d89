package io.spime.twin.internal.experience;

import io.spime.twin.Twin;
import io.spime.twin.diagnostics.Dtc;
import io.spime.twin.experience.Channel;
import io.spime.twin.experience.JourneyPhase;
import io.spime.twin.experience.RiskReason;
import io.spime.twin.experience.RiskScore;
import io.spime.twin.experience.Signal;
import io.spime.twin.experience.Touchpoint;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.twin.lifecycle.PhaseChange;
import io.spime.wire.AssetId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures a renewal's experience signals over the agreement's window (its start to today) and scores
 * them with fixed, documented weights: the score is the sum of its reasons, nothing learned or hidden.
 */
public final class RiskModel {
  /** A trouble code open this long is a long-open one. */
  public static final Duration LONG_OPEN = Duration.ofDays(14);

  /** Points per unit and the cap of each signal's points (0: no cap), as in {@code docs/customer.md}. */
  static final Map<Signal, int[]> WEIGHTS = new EnumMap<>(Map.of(
      Signal.REPEATED_DTC, new int[] {10, 0},
      Signal.LONG_OPEN_DTC, new int[] {8, 0},
      Signal.DAYS_OFF_ROAD, new int[] {2, 60},
      Signal.DAYS_IN_WORKSHOP, new int[] {3, 90},
      Signal.UNANSWERED_TOUCHPOINT, new int[] {15, 0},
      Signal.UNRESOLVED_TOUCHPOINT, new int[] {10, 0},
      Signal.LOW_SATISFACTION, new int[] {2, 0}));

  /** The signals measured and the score they make. */
  public record Assessment(Map<Signal, Long> signals, RiskScore risk) {}

  /** A signal's measure and the names of what it counted. */
  private record Measure(long value, List<String> details) {
    static Measure of(long value) {
      return new Measure(value, List.of());
    }
  }

  private RiskModel() {}

  /**
   * Assesses one agreement.
   *
   * @param car the car's twin now
   * @param start the agreement's first day
   * @param today the last day measured
   * @param touchpoints the customer's touchpoints that started in the window, about any car
   */
  public static Assessment assess(Twin car, LocalDate start, LocalDate today, List<Touchpoint> touchpoints) {
    Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant until = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Map<Signal, Measure> measures = new EnumMap<>(Signal.class);
    measures.put(Signal.REPEATED_DTC, repeatedDtcs(car, from, until));
    measures.put(Signal.LONG_OPEN_DTC, longOpenDtcs(car, until));
    measures.put(Signal.DAYS_OFF_ROAD, Measure.of(daysOffRoad(car.phaseHistory(), from, until)));
    measures.put(Signal.DAYS_IN_WORKSHOP, Measure.of(daysInWorkshop(car.vin(), touchpoints, from, until)));
    measures.put(Signal.UNANSWERED_TOUCHPOINT,
        Measure.of(touchpoints.stream().filter(t -> !t.outcome().answered()).count()));
    measures.put(Signal.UNRESOLVED_TOUCHPOINT,
        Measure.of(touchpoints.stream().filter(t -> t.outcome().answered() && !t.outcome().resolved()).count()));
    measures.put(Signal.LOW_SATISFACTION, Measure.of(tenthsBelowThree(touchpoints)));
    Map<Signal, Long> signals = new EnumMap<>(Signal.class);
    List<RiskReason> reasons = new ArrayList<>();
    for (Map.Entry<Signal, Measure> s : measures.entrySet()) {
      long value = s.getValue().value();
      signals.put(s.getKey(), value);
      if (value > 0) {
        int[] w = WEIGHTS.get(s.getKey());
        long points = value * w[0];
        reasons.add(new RiskReason(s.getKey(), value, w[0], w[1] > 0 ? Math.min(points, w[1]) : points,
            s.getValue().details()));
      }
    }
    reasons.sort(Comparator.comparingLong(RiskReason::points).reversed().thenComparing(RiskReason::signal));
    return new Assessment(signals, RiskScore.of(reasons));
  }

  /** Codes raised more than once in the window, among the open ones and the recently closed ones. */
  private static Measure repeatedDtcs(Twin car, Instant from, Instant until) {
    Map<String, Integer> raised = new TreeMap<>();
    List<Dtc> all = new ArrayList<>(car.recentlyClosedDtcs());
    all.addAll(car.openDtcs().values());
    for (Dtc d : all) {
      if (!d.raisedAt().isBefore(from) && d.raisedAt().isBefore(until)) {
        raised.merge(d.code(), 1, Integer::sum);
      }
    }
    List<String> repeated = raised.entrySet().stream().filter(e -> e.getValue() > 1)
        .map(e -> e.getKey() + " raised " + e.getValue() + " times").toList();
    return new Measure(repeated.size(), repeated);
  }

  /** Codes open for {@link #LONG_OPEN} or longer at the end of the window, longest open first. */
  private static Measure longOpenDtcs(Twin car, Instant until) {
    List<String> open = car.openDtcs().values().stream().filter(d -> !d.raisedAt().plus(LONG_OPEN).isAfter(until))
        .sorted(Comparator.comparing(Dtc::raisedAt).thenComparing(Dtc::code))
        .map(d -> d.code() + " open " + Duration.between(d.raisedAt(), until).toDays() + " days").toList();
    return new Measure(open.size(), open);
  }

  private static long daysOffRoad(List<PhaseChange> history, Instant from, Instant until) {
    long days = 0;
    for (int i = 0; i < history.size(); i++) {
      if (history.get(i).to() == LifecyclePhase.OFF_ROAD) {
        Instant end = i + 1 < history.size() ? history.get(i + 1).at() : until;
        days += days(history.get(i).at(), end, from, until);
      }
    }
    return days;
  }

  /** Service touchpoints about this car, from start to end (to today while still open). */
  private static long daysInWorkshop(AssetId vin, List<Touchpoint> touchpoints, Instant from, Instant until) {
    long days = 0;
    for (Touchpoint t : touchpoints) {
      if (t.phase() == JourneyPhase.SERVICE && t.channel() == Channel.WORKSHOP && t.vehicle().filter(vin::equals).isPresent()) {
        days += days(t.start(), t.end().orElse(until), from, until);
      }
    }
    return days;
  }

  /** Whole days, a started day counting as one, of {@code [start, end)} within {@code [from, until)}. */
  static long days(Instant start, Instant end, Instant from, Instant until) {
    Instant a = start.isBefore(from) ? from : start;
    Instant b = end.isAfter(until) ? until : end;
    if (!b.isAfter(a)) {
      return 0;
    }
    long seconds = Duration.between(a, b).getSeconds();
    return (seconds + 86_399) / 86_400;
  }

  private static long tenthsBelowThree(List<Touchpoint> touchpoints) {
    long n = 0;
    long sum = 0;
    for (Touchpoint t : touchpoints) {
      if (t.outcome().satisfaction().isPresent()) {
        n++;
        sum += t.outcome().satisfaction().getAsInt();
      }
    }
    if (n == 0) {
      return 0;
    }
    long tenths = Math.round(sum * 10.0 / n);
    return Math.max(0, 30 - tenths);
  }
}
