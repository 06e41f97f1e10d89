package io.spime.sim.bench;

import io.spime.sim.internal.scenario.MqttClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One benchmark run's settings, checked as a whole.
 *
 * @param vehicles cars in the end-to-end run, each a real agent
 * @param signals numeric signals every car records
 * @param rateHz samples per second of each signal
 * @param batchWindow the agents' batch window
 * @param duration the measured time of the end-to-end run
 * @param warmup the end-to-end run's time before measuring starts
 * @param seed makes VINs and values repeatable
 * @param dataDir where outboxes and the twin store go; empty for a temporary folder
 * @param store the twin store, an SQLite file or a {@code jdbc:postgresql:} URL; {@code twins.db} in the
 *     data folder when empty
 * @param mqttClient the MQTT client library of the agents
 */
public record BenchConfig(
    int vehicles,
    int signals,
    int rateHz,
    Duration batchWindow,
    Duration duration,
    Duration warmup,
    long seed,
    Optional<Path> dataDir,
    Optional<String> store,
    MqttClient mqttClient) {
  static final int MAX_VEHICLES = 10_000;
  static final int MAX_RATE_HZ = 100;
  /** Longest measured loopback run and its warm-up; shorter when the end-to-end run is shorter. */
  static final Duration LOOPBACK_MEASURE = Duration.ofSeconds(15);
  static final Duration LOOPBACK_WARMUP = Duration.ofSeconds(5);

  public BenchConfig {
    if (vehicles < 1 || vehicles > MAX_VEHICLES) {
      throw new IllegalArgumentException(
          "--vehicles must be 1 to " + MAX_VEHICLES + ", was " + vehicles);
    }
    int available = BenchSignals.available();
    if (signals < 1 || signals > available) {
      throw new IllegalArgumentException("--signals must be 1 to " + available
          + " (the numeric signals of the built-in catalog), was " + signals);
    }
    if (rateHz < 1 || rateHz > MAX_RATE_HZ) {
      throw new IllegalArgumentException(
          "--rate-hz must be 1 to " + MAX_RATE_HZ + ", was " + rateHz);
    }
    Objects.requireNonNull(batchWindow, "batchWindow");
    if (batchWindow.compareTo(Duration.ofMillis(10)) < 0
        || batchWindow.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(
          "--batch-window must be 10ms to 1h, was " + batchWindow.toMillis() + "ms");
    }
    Objects.requireNonNull(duration, "duration");
    if (duration.compareTo(Duration.ofSeconds(1)) < 0
        || duration.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException(
          "--duration must be 1s to 24h, was " + duration.toMillis() + "ms");
    }
    Objects.requireNonNull(warmup, "warmup");
    if (warmup.isNegative() || warmup.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("--warmup must be 0s to 1h, was " + warmup.toMillis() + "ms");
    }
    Objects.requireNonNull(dataDir, "dataDir");
    dataDir.ifPresent(BenchConfig::requireEmpty);
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(mqttClient, "mqttClient");
  }

  /** Samples per second the fleet records: vehicles × signals × rate. */
  long offeredSamplesPerSecond() {
    return (long) vehicles * signals * rateHz;
  }

  /** Samples a car records in one batch window (at least one tick's worth). */
  int samplesPerBatch() {
    long ticks = Math.max(1, batchWindow.toMillis() * rateHz / 1000);
    return (int) Math.min(Integer.MAX_VALUE, ticks * signals);
  }

  /** How long each loopback run measures: 15 s, or the end-to-end duration if shorter. */
  Duration loopbackMeasure() {
    return duration.compareTo(LOOPBACK_MEASURE) < 0 ? duration : LOOPBACK_MEASURE;
  }

  /** How long each loopback run warms up: 5 s, or the end-to-end warm-up if shorter. */
  Duration loopbackWarmup() {
    return warmup.compareTo(LOOPBACK_WARMUP) < 0 ? warmup : LOOPBACK_WARMUP;
  }

  private static void requireEmpty(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--data-dir " + dir + " is a file, not a folder");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new IllegalArgumentException("--data-dir " + dir
            + " is not empty; the benchmark counts every sample from zero and needs a new folder");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read --data-dir " + dir, e);
    }
  }
}
