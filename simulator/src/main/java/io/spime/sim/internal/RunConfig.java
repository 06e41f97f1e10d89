package io.spime.sim.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a fleet run does.
 *
 * @param scenario what the cars do and which faults hit them
 * @param vehicles cars in the fleet, 1 to 10,000
 * @param duration how long the cars drive, 1 s to 24 h
 * @param seed makes the fleet and its faults repeatable
 * @param dataDir where outboxes (and the default twin store) go; a temporary folder when empty
 * @param brokerUrl an external broker; the embedded one when empty
 * @param storeFile the SQLite twin store; {@code twins.db} in the data folder when empty
 * @param reportFile where the HTML report goes (CSV beside it); none when empty
 */
public record RunConfig(
    ScenarioSpec scenario,
    int vehicles,
    Duration duration,
    long seed,
    Optional<Path> dataDir,
    Optional<String> brokerUrl,
    Optional<Path> storeFile,
    Optional<Path> reportFile) {
  public static final int MAX_VEHICLES = 10_000;

  public RunConfig {
    Objects.requireNonNull(scenario, "scenario");
    if (vehicles < 1 || vehicles > MAX_VEHICLES) {
      throw new IllegalArgumentException(
          "--vehicles must be 1 to " + MAX_VEHICLES + ", was " + vehicles);
    }
    if (duration.compareTo(Duration.ofSeconds(1)) < 0
        || duration.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException("--duration must be 1s to 24h, was " + duration);
    }
    brokerUrl.ifPresent(url -> {
      try {
        io.spime.mqtt.MqttSettings.parseUrl(url);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--broker: " + e.getMessage(), e);
      }
    });
  }
}
