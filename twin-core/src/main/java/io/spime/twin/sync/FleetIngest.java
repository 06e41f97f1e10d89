package io.spime.twin.sync;

import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.twin.FleetQuery;
import io.spime.twin.PartyId;
import io.spime.twin.TwinStore;
import io.spime.twin.sync.internal.IngestEngine;
import io.spime.twin.sync.internal.IngestOptions;
import io.spime.wire.CollectionPolicy;
import io.spime.wire.Command;
import io.spime.wire.DataCategory;
import io.spime.wire.DriverProfile;
import io.spime.wire.SignalCatalog;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.Vin;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The cloud side of MQTT sync: takes the fleet's uplink from the broker, checks every message, applies
 * telemetry, events and reports to the {@link TwinStore} in batched transactions and acks to each car
 * the highest sequence that is durable; records online/offline; and sends the fleet's desired state
 * (collection policy, consent, driver profile) and commands back.
 *
 * <p>With a share group, several ingest processes split one fleet through an MQTT 5 shared
 * subscription ({@code $share/{group}/spime/v1/+/telemetry}) with no code change.
 */
public final class FleetIngest implements AutoCloseable {
  private final IngestEngine engine;

  private FleetIngest(IngestEngine engine) {
    this.engine = engine;
  }

  /**
   * A builder for an ingest reading from the broker at {@code brokerUrl} into {@code store}.
   *
   * @throws IllegalArgumentException if the URL is not {@code tcp://host:port} or {@code ssl://…}
   */
  public static Builder builder(String brokerUrl, TwinStore store) {
    return new Builder(brokerUrl, store);
  }

  /**
   * Connects and subscribes. Afterwards the ingest reconnects by itself whenever the link drops.
   *
   * @throws io.spime.mqtt.TransportException if the broker cannot be reached now
   */
  public void start() {
    engine.start();
  }

  /**
   * Sets the collection policy the car should use, as its desired state (versioned in the twin, published
   * retained); returns the desired state's new version.
   *
   * @throws io.spime.twin.UnknownVehicleException if the twin has no production record of the car
   * @throws IllegalArgumentException if a rule names a signal the catalog does not have
   * @throws io.spime.twin.TwinStoreException if the store fails
   */
  public long setPolicy(Vin vin, CollectionPolicy policy) {
    return engine.control().setPolicy(vin, policy);
  }

  /**
   * Sets the collection policy of every car of a fleet segment; returns how many cars it was set for.
   *
   * @throws io.spime.twin.TwinStoreException if the store fails
   */
  public int setPolicy(FleetQuery segment, CollectionPolicy policy) {
    return engine.control().forSegment(segment, vin -> engine.control().setPolicy(vin, policy));
  }

  /**
   * Sets the driver profile the car should apply; it stays only while the car's data subject consents
   * to cabin preferences. Returns the desired state's new version.
   *
   * @throws io.spime.twin.UnknownVehicleException if the twin has no production record of the car
   * @throws io.spime.twin.TwinStoreException if the store fails
   */
  public long setProfile(Vin vin, DriverProfile profile) {
    return engine.control().setProfile(vin, profile);
  }

  /**
   * Sets the driver profile of every car of a fleet segment; returns how many cars it was set for.
   *
   * @throws io.spime.twin.TwinStoreException if the store fails
   */
  public int setProfile(FleetQuery segment, DriverProfile profile) {
    return engine.control().forSegment(segment, vin -> engine.control().setProfile(vin, profile));
  }

  /**
   * Records that the car's data subject (its driver, lessee, keeper, owner or fleet, in that order)
   * grants or withdraws consent to a category, and makes the car's desired consent follow; returns the
   * desired state's new version.
   *
   * @throws io.spime.twin.UnknownVehicleException if the twin has no production record of the car
   * @throws IllegalStateException if nobody holds custody of the car
   * @throws io.spime.twin.TwinStoreException if the store fails
   */
  public long setConsent(Vin vin, DataCategory category, boolean granted) {
    return engine.control().setConsent(vin, category, granted);
  }

  /**
   * Consent of each car's data subject in a fleet segment; cars nobody holds custody of are skipped.
   * Returns how many cars it was set for.
   *
   * @throws io.spime.twin.TwinStoreException if the store fails
   */
  public int setConsent(FleetQuery segment, DataCategory category, boolean granted) {
    int[] skipped = {0};
    int cars = engine.control().forSegment(segment, vin -> {
      try {
        engine.control().setConsent(vin, category, granted);
      } catch (IllegalStateException e) {
        skipped[0]++;
      }
    });
    return cars - skipped[0];
  }

  /**
   * Assigns a customer as the car's driver (rental, loaner, car share, a second family car): the
   * customer's standing consents apply to the car, and their cabin profile from their master record is
   * pushed to it as desired state if they consent to cabin-preference sharing. Returns the desired
   * state's new version.
   *
   * @throws io.spime.twin.UnknownCustomerException if there is no master record of the customer
   * @throws io.spime.twin.UnknownVehicleException if the twin has no production record of the car
   * @throws io.spime.twin.IllegalTransitionException if the car is not in service
   * @throws io.spime.twin.TwinStoreException if the store fails
   */
  public long assignDriver(Vin vin, PartyId customer) {
    return engine.control().assignDriver(vin, customer);
  }

  /**
   * Ends the car's driver assignment and withdraws the driver's profile (the car goes back to its
   * neutral settings). Returns the desired state's new version.
   *
   * @throws io.spime.twin.UnknownVehicleException if the twin has no production record of the car
   * @throws io.spime.twin.TwinStoreException if the store fails
   */
  public long endDriverAssignment(Vin vin) {
    return engine.control().endDriverAssignment(vin);
  }

  /**
   * Derives the car's desired consent and profile again from its twin and publishes the result: for
   * back-end code that appended consent or custody events to the store directly.
   *
   * @throws io.spime.twin.UnknownVehicleException if the twin has no production record of the car
   * @throws io.spime.twin.TwinStoreException if the store fails
   */
  public long refreshDesired(Vin vin) {
    return engine.control().refresh(vin);
  }

  /**
   * Sends a command to the car, recorded in its twin first; the car's result completes it in the twin.
   * A car offline now gets it on its next birth, unless it has expired by then. Returns the command id.
   *
   * @throws io.spime.twin.UnknownVehicleException if the twin has no production record of the car
   * @throws IllegalArgumentException if {@code APPLY_PROFILE} comes without a profile, or {@code ttl} is
   *     not positive
   * @throws io.spime.twin.TwinStoreException if the store fails
   */
  public String sendCommand(Vin vin, Command.Kind kind, Optional<DriverProfile> profile, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, was " + ttl);
    }
    if ((kind == Command.Kind.APPLY_PROFILE) != profile.isPresent()) {
      throw new IllegalArgumentException("a profile goes with APPLY_PROFILE and only with it");
    }
    return engine.sendCommand(vin, kind, profile, ttl);
  }

  /** Counters since start. */
  public IngestStats stats() {
    return engine.stats();
  }

  /** Whether the ingest's link to the broker is up. */
  public boolean isConnected() {
    return engine.isConnected();
  }

  /** Applies what has arrived, acks it, and disconnects. */
  @Override
  public void close() {
    engine.close();
  }

  /** Configures a {@link FleetIngest}. */
  public static final class Builder {
    private final String brokerUrl;
    private final TwinStore store;
    private String clientId = "spime-ingest-" + UUID.randomUUID();
    private String shareGroup;
    private SignalCatalog catalog = SignalCatalog.builtIn();
    private int maxBatchesPerTransaction = 500;
    private Duration maxApplyDelay = Duration.ofMillis(20);
    private int queueCapacity = 10_000;
    private DurabilityListener durabilityListener = (batch, committedMillis) -> {};

    private Builder(String brokerUrl, TwinStore store) {
      MqttSettings.parseUrl(brokerUrl);
      this.brokerUrl = brokerUrl;
      this.store = Objects.requireNonNull(store, "store");
    }

    /** The MQTT client id (default: random). */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      return this;
    }

    /** Join this MQTT 5 share group, so several ingest processes split the fleet. */
    public Builder shareGroup(String shareGroup) {
      Topics.shared(shareGroup, TopicKind.TELEMETRY);
      this.shareGroup = shareGroup;
      return this;
    }

    /** The catalog telemetry is decoded with (default: the built-in one). */
    public Builder catalog(SignalCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /** Most batches applied in one store transaction (default 500). */
    public Builder maxBatchesPerTransaction(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxBatchesPerTransaction must be 1 or more, was " + max);
      }
      this.maxBatchesPerTransaction = max;
      return this;
    }

    /** Longest a message waits for others to share its transaction (default 20 ms). */
    public Builder maxApplyDelay(Duration delay) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("maxApplyDelay must not be negative, was " + delay);
      }
      this.maxApplyDelay = delay;
      return this;
    }

    /** Messages held between the broker and the store before the broker is slowed (default 10,000). */
    public Builder queueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("queueCapacity must be 1 or more, was " + capacity);
      }
      this.queueCapacity = capacity;
      return this;
    }

    /** Told of every batch that became durable, before its ack goes out (default: nobody). */
    public Builder onDurable(DurabilityListener listener) {
      this.durabilityListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public FleetIngest build() {
      IngestOptions options =
          new IngestOptions(
              catalog,
              Optional.ofNullable(shareGroup),
              maxBatchesPerTransaction,
              maxApplyDelay,
              queueCapacity,
              durabilityListener);
      MqttSettings settings =
          MqttSettings.builder(brokerUrl, clientId)
              .cleanStart(shareGroup == null)
              .maxInFlight(64)
              .build();
      return new FleetIngest(
          new IngestEngine(store, options, listener -> createTransport(settings, listener)));
    }

    private static MqttTransport createTransport(
        MqttSettings settings, io.spime.mqtt.TransportListener listener) {
      return MqttTransports.paho(settings, listener);
    }
  }
}
