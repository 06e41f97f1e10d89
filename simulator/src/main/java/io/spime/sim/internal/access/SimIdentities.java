package io.spime.sim.internal.access;

import io.spime.broker.BrokerAccess;
import io.spime.mqtt.MqttSecurity;
import io.spime.wire.AssetId;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identities of a simulated fleet on the embedded broker: each car logs in as its VIN with a
 * random password of its own, the ingest as {@value #CLOUD}. Passwords live only in this object's
 * memory and in the environment of a car's child process (never its command line); the broker keeps
 * only their hashes.
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
