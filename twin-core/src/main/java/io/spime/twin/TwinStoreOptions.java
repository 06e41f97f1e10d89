package io.spime.twin;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of a twin store; start from {@link #defaults()} and change with the {@code with…} methods.
 *
 * @param clock the store's clock, for recorded times and the future-time check
 * @param futureTolerance how far in the future an event's occurrence time may lie (clock skew)
 * @param snapshotInterval a snapshot every this many revisions, so time travel folds fewer events
 * @param trendSignals catalog ids of the signals whose daily min/max/mean/count are kept
 * @param durability how a commit is made durable (SQLite; on PostgreSQL the server's {@code
 *     synchronous_commit} decides)
 */
public record TwinStoreOptions(
    Clock clock, Duration futureTolerance, int snapshotInterval, Set<Integer> trendSignals, Durability durability) {

  /** How far a commit is synced before a write returns. */
  public enum Durability {
    /** {@code synchronous=FULL}: a returned write survives a power cut. The default. */
    POWER_LOSS_SAFE,
    /** {@code synchronous=NORMAL}: a returned write survives a process crash; a power cut may lose the last commits. */
    CRASH_SAFE
  }

  /**
   * The default trend signals of the built-in catalog: odometer (2), battery state of health (7),
   * battery temperature (8) and battery voltage (9).
   */
  public static final Set<Integer> DEFAULT_TREND_SIGNALS = Set.of(2, 7, 8, 9);

  public TwinStoreOptions {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(futureTolerance, "futureTolerance");
    if (futureTolerance.isNegative()) {
      throw new IllegalArgumentException("futureTolerance must not be negative, was " + futureTolerance);
    }
    if (snapshotInterval < 1) {
      throw new IllegalArgumentException("snapshotInterval must be 1 or more, was " + snapshotInterval);
    }
    trendSignals = Set.copyOf(new TreeSet<>(trendSignals));
    Objects.requireNonNull(durability, "durability");
  }

  /** System clock, 5 minutes future tolerance, a snapshot every 256 revisions, default trends, power-loss safe. */
  public static TwinStoreOptions defaults() {
    return new TwinStoreOptions(
        Clock.systemUTC(), Duration.ofMinutes(5), 256, DEFAULT_TREND_SIGNALS, Durability.POWER_LOSS_SAFE);
  }

  public TwinStoreOptions withClock(Clock value) {
    return new TwinStoreOptions(value, futureTolerance, snapshotInterval, trendSignals, durability);
  }

  public TwinStoreOptions withFutureTolerance(Duration value) {
    return new TwinStoreOptions(clock, value, snapshotInterval, trendSignals, durability);
  }

  public TwinStoreOptions withSnapshotInterval(int value) {
    return new TwinStoreOptions(clock, futureTolerance, value, trendSignals, durability);
  }

  public TwinStoreOptions withTrendSignals(Set<Integer> value) {
    return new TwinStoreOptions(clock, futureTolerance, snapshotInterval, value, durability);
  }

  public TwinStoreOptions withDurability(Durability value) {
    return new TwinStoreOptions(clock, futureTolerance, snapshotInterval, trendSignals, value);
  }
}
