package io.spime.sim.bench.capacity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One capacity run's settings, checked as a whole.
 *
 * @param vins cars whose telemetry the load publishes, each its own stream of sequences
 * @param publishers load connections; each publishes the batches of its share of the VINs in order
 * @param duration the measured time, after the warm-up
 * @param warmup the time before measuring starts
 * @param seed makes VINs and values repeatable
 * @param broker the broker's URL; empty for an embedded broker started for the run
 * @param store the twin store, an SQLite file or a {@code jdbc:postgresql:} URL; {@code twins.db} in
 *     a temporary folder when empty
 * @param json where to write the result as JSON; empty for none
 */
public record CapacityConfig(
    int vins,
    int publishers,
    Duration duration,
    Duration warmup,
    long seed,
    Optional<String> broker,
    Optional<String> store,
    Optional<Path> json) {
  public static final int MAX_VINS = 100_000;
  public static final int MAX_PUBLISHERS = 16;
  /** Signals per batch: the first ten numeric signals of the built-in catalog. */
  public static final int SIGNALS = 10;
  /** Samples per second of every signal. */
  public static final int RATE_HZ = 10;
  /** The time one batch covers. */
  public static final Duration WINDOW = Duration.ofSeconds(1);

  public CapacityConfig {
    if (vins < 1 || vins > MAX_VINS) {
      throw new IllegalArgumentException("--vins must be 1 to " + MAX_VINS + ", was " + vins);
    }
    if (publishers < 1 || publishers > MAX_PUBLISHERS) {
      throw new IllegalArgumentException(
          "--publishers must be 1 to " + MAX_PUBLISHERS + ", was " + publishers);
    }
    Objects.requireNonNull(duration, "duration");
    if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(
          "--duration must be 1s to 1h, was " + duration.toMillis() + "ms");
    }
    Objects.requireNonNull(warmup, "warmup");
    if (warmup.isNegative() || warmup.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("--warmup must be 0s to 10m, was " + warmup.toMillis() + "ms");
    }
    Objects.requireNonNull(broker, "broker");
    broker.ifPresent(CapacityConfig::requireBrokerUrl);
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(json, "json");
  }

  /** Samples in every batch: signals × rate × window. */
  public static int samplesPerBatch() {
    return (int) (SIGNALS * RATE_HZ * WINDOW.toSeconds());
  }

  private static void requireBrokerUrl(String url) {
    if (!url.matches("tcp://[^/:]+:\\d{1,5}")) {
      throw new IllegalArgumentException(
          "--broker must be tcp://host:port (the capacity run takes no TLS), was " + url);
    }
  }
}
