package io.spime.cloud.sync;

import static org.awaitility.Awaitility.await;

import io.spime.mqtt.MqttSecurity;
import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.mqtt.TransportListener;
import io.spime.mqtt.Will;
import io.spime.wire.ClientIds;
import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import io.spime.wire.StreamPosition;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.event.EventBatch;
import io.spime.wire.event.EventCodec;
import io.spime.wire.event.EventDetail;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.session.Ack;
import io.spime.wire.session.Birth;
import io.spime.wire.session.SessionCodec;
import io.spime.wire.session.Status;
import io.spime.wire.state.Command;
import io.spime.wire.state.DesiredState;
import io.spime.wire.state.ReportedState;
import io.spime.wire.state.StateCodec;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import io.spime.wire.telemetry.TelemetryCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A car played by hand on the wire: publishes sequenced payloads, collects what the cloud sends. */
final class FakeCar implements TransportListener, AutoCloseable {
  static final SignalCatalog CATALOG = SignalCatalog.builtIn();
  static final int SPEED = CATALOG.require("Vehicle.Speed").id();
  static final int ODOMETER = CATALOG.require("Vehicle.TraveledDistance").id();
  static final int LATITUDE = CATALOG.require("Vehicle.CurrentLocation.Latitude").id();
  static final int LONGITUDE = CATALOG.require("Vehicle.CurrentLocation.Longitude").id();
  private static final TelemetryCodec CODEC = new TelemetryCodec(CATALOG);
  static final long STREAM = 77;
  static final long BOOT = 5;

  final AssetId vin;
  final List<Ack> acks = new CopyOnWriteArrayList<>();
  final List<DesiredState> desired = new CopyOnWriteArrayList<>();
  final List<Command> commands = new CopyOnWriteArrayList<>();
  /** The topic of every message that arrived, decodable or not. */
  final List<String> arrived = new CopyOnWriteArrayList<>();
  private final MqttTransport transport;

  FakeCar(String url, AssetId vin) {
    this(url, vin, MqttSecurity.none());
  }

  FakeCar(String url, AssetId vin, MqttSecurity security) {
    this(url, vin, security, "car-" + UUID.randomUUID(), true, Optional.empty());
  }

  private FakeCar(String url, AssetId vin, MqttSecurity security, String clientId, boolean subscribe,
      Optional<Will> will) {
    this.vin = vin;
    MqttSettings.Builder settings = MqttSettings.builder(url, clientId).security(security);
    will.ifPresent(settings::will);
    this.transport = MqttTransports.paho(settings.build(), this);
    transport.connect();
    if (subscribe) {
      transport.subscribe(Topics.of(vin, TopicKind.ACK), 1);
      transport.subscribe(Topics.of(vin, TopicKind.DESIRED), 1);
      transport.subscribe(Topics.of(vin, TopicKind.COMMAND), 1);
    }
  }

  /** The car as a broker that enforces identities wants it: its own identity and client id. */
  static FakeCar identified(String url, AssetId vin, MqttSecurity security) {
    return new FakeCar(url, vin, security, ClientIds.car(vin), true, Optional.empty());
  }

  /**
   * A client that claims to be {@code claimed} in its payloads and topics, connecting with someone
   * else's identity ({@code security}) and this client id; it subscribes to nothing.
   */
  static FakeCar impostor(String url, AssetId claimed, MqttSecurity security, String clientId) {
    return new FakeCar(url, claimed, security, clientId, false, Optional.empty());
  }

  /** An {@link #impostor} whose will, published if its link drops, says {@code claimed} went offline. */
  static FakeCar impostorWithOfflineWill(String url, AssetId claimed, MqttSecurity security, String clientId) {
    Will offline = new Will(Topics.of(claimed, TopicKind.STATUS),
        SessionCodec.encode(new Status(claimed, false, BOOT, System.currentTimeMillis())), 1, true);
    return new FakeCar(url, claimed, security, clientId, false, Optional.of(offline));
  }

  boolean isConnected() {
    return transport.isConnected();
  }

  /** Subscribes to any filter; throws if the broker refuses. */
  void subscribe(String filter) {
    transport.subscribe(filter, 1);
  }

  private StreamPosition at(long seq) {
    return new StreamPosition(STREAM, seq, BOOT);
  }

  void telemetry(long seq, long time, double speed) throws Exception {
    send(TopicKind.TELEMETRY, CODEC.encode(new TelemetryBatch(vin, at(seq), CATALOG.version(), List.of(
        new Sample(SPEED, time, SignalValue.of(speed)),
        new Sample(SPEED, time + 100, SignalValue.of(speed + 1)),
        new Sample(ODOMETER, time, SignalValue.of(1000.0 + seq))))));
  }

  void location(long seq, long time) throws Exception {
    send(TopicKind.TELEMETRY, CODEC.encode(new TelemetryBatch(vin, at(seq), CATALOG.version(), List.of(
        new Sample(LATITUDE, time, SignalValue.of(48.1)),
        new Sample(LONGITUDE, time, SignalValue.of(11.5))))));
  }

  /** A telemetry payload of the right sequence whose body is cut short. */
  void poisonTelemetry(long seq, long time) throws Exception {
    byte[] good = CODEC.encode(new TelemetryBatch(vin, at(seq), CATALOG.version(),
        List.of(new Sample(SPEED, time, SignalValue.of(1.0)), new Sample(SPEED, time + 1, SignalValue.of(2.0)))));
    byte[] cut = java.util.Arrays.copyOf(good, good.length - 3);
    send(TopicKind.TELEMETRY, cut);
  }

  void event(long seq, EventDetail detail, long time) throws Exception {
    VehicleEvent event = new VehicleEvent(UUID.randomUUID().toString(), time, Priority.HIGH,
        DataCategory.VEHICLE_HEALTH, detail, Map.of());
    send(TopicKind.EVENTS, EventCodec.encode(new EventBatch(vin, at(seq), List.of(event))));
  }

  void reported(long seq, long time, long desiredVersion) throws Exception {
    send(TopicKind.REPORTED, StateCodec.encode(new ReportedState(vin, at(seq), time, desiredVersion,
        Map.of("tcu", "1.0"), Map.of(), Optional.empty(), Optional.empty(), Optional.empty())));
  }

  void reportApplied(long seq, DesiredState state) throws Exception {
    send(TopicKind.REPORTED, StateCodec.encode(new ReportedState(vin, at(seq), System.currentTimeMillis(),
        state.version(), Map.of("tcu", "1.0"), Map.of(), state.policy(), state.consent(), state.profile())));
  }

  void status(boolean online, long time) throws Exception {
    send(TopicKind.STATUS, SessionCodec.encode(new Status(vin, online, BOOT, time)));
  }

  void birth(long desiredVersion) throws Exception {
    send(TopicKind.BIRTH, SessionCodec.encode(new Birth(vin, "test", BOOT, STREAM, CATALOG.version(),
        highestAck(), desiredVersion, System.currentTimeMillis())));
  }

  DesiredState awaitDesired(long version) {
    await().atMost(Duration.ofSeconds(20))
        .until(() -> desired.stream().anyMatch(d -> d.version() == version));
    return desired.stream().filter(d -> d.version() == version).findFirst().orElseThrow();
  }

  Command awaitCommand(String id) {
    await().atMost(Duration.ofSeconds(20))
        .until(() -> commands.stream().anyMatch(c -> c.commandId().equals(id)));
    return commands.stream().filter(c -> c.commandId().equals(id)).findFirst().orElseThrow();
  }

  long highestAck() {
    return acks.stream().mapToLong(Ack::seq).max().orElse(0);
  }

  /** Publishes raw bytes as this car's telemetry. */
  void sendTelemetry(byte[] payload) throws Exception {
    send(TopicKind.TELEMETRY, payload);
  }

  /** Publishes raw bytes on any topic. */
  void send(String topic, byte[] payload) throws Exception {
    transport.publish(topic, payload, 1, false).get(10, TimeUnit.SECONDS);
  }

  private void send(TopicKind kind, byte[] payload) throws Exception {
    send(Topics.of(vin, kind), payload);
  }

  @Override
  public void messageArrived(String topic, byte[] payload) {
    arrived.add(topic);
    if (topic.endsWith("/ack")) {
      acks.add(SessionCodec.decodeAck(payload));
    } else if (topic.endsWith("/desired")) {
      desired.add(TestKeys.VERIFIER.verifyDesired(payload, vin, CATALOG, System.currentTimeMillis()).desired());
    } else if (topic.endsWith("/command")) {
      commands.add(TestKeys.VERIFIER.verifyCommand(payload, vin, System.currentTimeMillis()).command());
    }
  }

  @Override
  public void close() {
    transport.close();
  }
}
