package io.spime.sim.bench;

import io.spime.wire.Priority;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import io.spime.wire.catalog.SignalType;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The numeric signals a benchmark car records and their values: a seeded random walk per car and
 * signal, whole numbers for integer signals. Signals are taken NORMAL priority first (21 of them),
 * then LOW, then HIGH, each by catalog id: the agent seals one batch per priority, so up to 21
 * signals make one batch per window, as the batch window promises.
 */
public final class BenchSignals {
  private static final SignalCatalog CATALOG = SignalCatalog.builtIn();
  private static final List<SignalDefinition> NUMERIC =
      CATALOG.signals().stream()
          .filter(signal -> signal.type() == SignalType.FLOAT || signal.type() == SignalType.INTEGER)
          .sorted(Comparator.comparingInt(BenchSignals::priorityRank)
              .thenComparingInt(SignalDefinition::id))
          .toList();
  /** Integer values stay in 0..120, which every integer type of the catalog holds (int8 too). */
  private static final double INTEGER_MAX = 120;

  private final int[] ids;
  private final Priority[] priorities;
  private final boolean[] integer;
  private final double[] steps;
  private final double[] values;
  private final SplittableRandom random;

  /** The value state of one car: {@code signals} signals, seeded by the run's seed and the car. */
  public BenchSignals(int signals, long seed, int car) {
    if (signals < 1 || signals > NUMERIC.size()) {
      throw new IllegalArgumentException("signals must be 1 to " + NUMERIC.size() + ", was " + signals);
    }
    this.random = new SplittableRandom(seed * 1_000_003L + car);
    this.ids = new int[signals];
    this.priorities = new Priority[signals];
    this.integer = new boolean[signals];
    this.steps = new double[signals];
    this.values = new double[signals];
    for (int i = 0; i < signals; i++) {
      SignalDefinition signal = NUMERIC.get(i);
      ids[i] = signal.id();
      priorities[i] = signal.priority();
      integer[i] = signal.type() == SignalType.INTEGER;
      // A few resolution steps per sample: values move like sensor readings, not like noise.
      steps[i] = integer[i] ? 1 : signal.scale() * 4;
      values[i] = integer[i] ? random.nextInt(20, 100) : 10 + random.nextDouble() * 50;
    }
  }

  private static int priorityRank(SignalDefinition signal) {
    return switch (signal.priority()) {
      case NORMAL -> 0;
      case LOW -> 1;
      default -> 2;
    };
  }

  /** How many numeric signals the built-in catalog has: the most a car can record. */
  static int available() {
    return NUMERIC.size();
  }

  /** The catalog the signals belong to. */
  public static SignalCatalog catalog() {
    return CATALOG;
  }

  public int size() {
    return ids.length;
  }

  /** The catalog id of signal {@code index}. */
  public int id(int index) {
    return ids[index];
  }

  /** The priority the agent keeps signal {@code index} at: one batch per priority and window. */
  Priority priority(int index) {
    return priorities[index];
  }

  /** How many priorities the first {@code signals} signals span: batches per car and window. */
  static int priorities(int signals) {
    return (int) NUMERIC.subList(0, signals).stream().map(SignalDefinition::priority).distinct().count();
  }

  /** Moves signal {@code index} one step of its walk and returns the new value. */
  public double next(int index) {
    double step = (random.nextInt(3) - 1) * steps[index];
    double value = values[index] + step;
    if (integer[index]) {
      value = Math.max(0, Math.min(INTEGER_MAX, value));
    } else if (value < 0) {
      value = -value;
    }
    values[index] = value;
    return value;
  }
}
