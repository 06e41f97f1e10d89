package io.spime.sim.internal.scenario;

import io.spime.mqtt.InvalidSecurityException;
import io.spime.mqtt.MqttSecurity;
import io.spime.mqtt.MqttSettings;
import io.spime.sim.internal.keys.RunKeys;
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
 * @param store the twin store, an SQLite file or a {@code jdbc:postgresql:} URL; {@code twins.db} in the
 *     data folder when empty
 * @param reportFile where the HTML report goes (CSV beside it); none when empty
 * @param security TLS files and credentials of the ingest and the cars for an external broker
 * @param brokerAuth whether the embedded broker enforces identities (each car only for itself);
 *     ignored with an external broker
 * @param keys the downlink signing key pair; a new one in the data folder when empty
 */
public record RunConfig(
    ScenarioSpec scenario,
    int vehicles,
    Duration duration,
    long seed,
    Optional<Path> dataDir,
    Optional<String> brokerUrl,
    Optional<String> store,
    Optional<Path> reportFile,
    MqttSecurity security,
    boolean brokerAuth,
    Optional<RunKeys> keys,
    MqttClient mqttClient) {
  public static final int MAX_VEHICLES = 10_000;

  /**
   * A run with no TLS files and no credentials whose embedded broker enforces identities and whose
   * downlink key pair is generated for it.
   */
  public RunConfig(ScenarioSpec scenario, int vehicles, Duration duration, long seed,
      Optional<Path> dataDir, Optional<String> brokerUrl, Optional<String> store,
      Optional<Path> reportFile) {
    this(scenario, vehicles, duration, seed, dataDir, brokerUrl, store, reportFile,
        MqttSecurity.none(), true, Optional.empty());
  }

  /** A run whose cars use Paho's MQTT client. */
  public RunConfig(ScenarioSpec scenario, int vehicles, Duration duration, long seed,
      Optional<Path> dataDir, Optional<String> brokerUrl, Optional<String> store,
      Optional<Path> reportFile, MqttSecurity security, boolean brokerAuth, Optional<RunKeys> keys) {
    this(scenario, vehicles, duration, seed, dataDir, brokerUrl, store, reportFile, security, brokerAuth,
        keys, MqttClient.PAHO);
  }

  public RunConfig {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(mqttClient, "mqttClient");
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
    if (brokerUrl.isEmpty() && !security.equals(MqttSecurity.none())) {
      throw new InvalidSecurityException("TLS and credentials options need --broker: the embedded broker has neither");
    }
    brokerUrl.ifPresent(url -> MqttSettings.builder(url, "spime-sim").security(security)); // reads the PEM files now
  }
}
