package io.spime.sim.internal.access;

import io.spime.broker.BrokerAccess;
import io.spime.mqtt.MqttSecurity;
import io.spime.wire.AssetId;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identities of a simulated fleet on the embedded broker: each car logs in as its VIN with a
 * random password of its own, the ingest as {@value #CLOUD}. Passwords live only in this object's
 * memory, in the environment of a car's child process (never its command line) and, for a run spread
 * over processes, in an owner-only file of the run's data folder that the shard's process reads; the
 * broker keeps only their hashes.
 */
public final class SimIdentities {
  /** The cloud's identity: the ingest and its downlink. */
  public static final String CLOUD = "spime-cloud";
  /**
   * PBKDF2 iterations for these passwords: 256 random bits each, which no iteration count makes
   * weaker or stronger, so a fleet of thousands connects without seconds of hashing per car.
   */
  private static final int HASH_ITERATIONS = 1_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<AssetId, String> cars;
  private final String cloud;

  private SimIdentities(Map<AssetId, String> cars, String cloud) {
    this.cars = cars;
    this.cloud = cloud;
  }

  /** A fresh random password for every car and for the cloud. */
  public static SimIdentities provision(List<AssetId> vins) {
    Map<AssetId, String> cars = new LinkedHashMap<>();
    vins.forEach(vin -> cars.put(vin, randomPassword()));
    return new SimIdentities(Map.copyOf(cars), randomPassword());
  }

  /**
   * Writes the passwords of {@code vins} to an owner-only file, {@code VIN password} a line, for the
   * process that drives those cars ({@code run --processes}); the cloud's password stays here.
   */
  public void writeCars(Path file, List<AssetId> vins) {
    StringBuilder lines = new StringBuilder();
    vins.forEach(vin -> lines.append(vin.value()).append(' ').append(password(vin)).append('\n'));
    try {
      Files.deleteIfExists(file);
      OwnerOnlyFiles.writeString(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the cars' identities to " + file, e);
    }
  }

  /**
   * The car identities a file of {@link #writeCars} holds, without the cloud's.
   *
   * @throws IllegalArgumentException if the file cannot be read or a line is not {@code VIN password}
   */
  public static SimIdentities readCars(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the cars' identities " + file + ": " + e.getMessage(), e);
    }
    Map<AssetId, String> cars = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String[] parts = lines.get(i).split(" ");
      if (parts.length != 2 || parts[1].isEmpty()) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": not 'VIN password'");
      }
      try {
        cars.put(AssetId.parse(parts[0]), parts[1]);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new SimIdentities(Map.copyOf(cars), randomPassword());
  }

  /** What the embedded broker enforces: these identities, {@value #CLOUD} as the cloud. */
  public BrokerAccess access() {
    BrokerAccess.Builder access = BrokerAccess.builder().hashIterations(HASH_ITERATIONS).cloudIdentity(CLOUD);
    cars.forEach((vin, password) -> access.password(vin.value(), password.toCharArray()));
    return access.password(CLOUD, cloud.toCharArray()).build();
  }

  /**
   * How this car logs in.
   *
   * @throws IllegalArgumentException if the car was not provisioned
   */
  public MqttSecurity car(AssetId vin) {
    String password = cars.get(vin);
    if (password == null) {
      throw new IllegalArgumentException("car " + vin + " has no identity in this run");
    }
    return MqttSecurity.builder().username(vin.value()).password(password).build();
  }

  /** The password of this car. */
  public String password(AssetId vin) {
    return car(vin).password().orElseThrow();
  }

  /** How the ingest logs in. */
  public MqttSecurity cloud() {
    return MqttSecurity.builder().username(CLOUD).password(cloud).build();
  }

  private static String randomPassword() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "SimIdentities[" + cars.size() + " cars, cloud " + CLOUD + "]";
  }
}
