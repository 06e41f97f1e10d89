package io.spime.twin.sync;

import static org.awaitility.Awaitility.await;

import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.mqtt.TransportListener;
import io.spime.wire.Ack;
import io.spime.wire.Birth;
import io.spime.wire.Command;
import io.spime.wire.DataCategory;
import io.spime.wire.DesiredState;
import io.spime.wire.EventBatch;
import io.spime.wire.EventCodec;
import io.spime.wire.EventDetail;
import io.spime.wire.Priority;
import io.spime.wire.ReportedState;
import io.spime.wire.Sample;
import io.spime.wire.SessionCodec;
import io.spime.wire.SignalCatalog;
import io.spime.wire.SignalValue;
import io.spime.wire.StateCodec;
import io.spime.wire.Status;
import io.spime.wire.StreamPosition;
import io.spime.wire.TelemetryBatch;
import io.spime.wire.TelemetryCodec;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.VehicleEvent;
import io.spime.wire.Vin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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

  final Vin vin;
  final List<Ack> acks = new CopyOnWriteArrayList<>();
  final List<DesiredState> desired = new CopyOnWriteArrayList<>();
  final List<Command> commands = new CopyOnWriteArrayList<>();
  private final MqttTransport transport;

  FakeCar(String url, Vin vin) {
    this.vin = vin;
    this.transport = MqttTransports.paho(MqttSettings.builder(url, "car-" + UUID.randomUUID()).build(), this);
    transport.connect();
    transport.subscribe(Topics.of(vin, TopicKind.ACK), 1);
    transport.subscribe(Topics.of(vin, TopicKind.DESIRED), 1);
    transport.subscribe(Topics.of(vin, TopicKind.COMMAND), 1);
  }

  static Vin randomVin() {
    return randomVin(new Random());
  }

  static Vin randomVin(Random random) {
    String alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    StringBuilder text = new StringBuilder("SPM");
    for (int i = 0; i < 14; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    text.setCharAt(8, Vin.checkDigitOf(text.toString()));
    return Vin.parse(text.toString());
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
    if (topic.endsWith("/ack")) {
      acks.add(SessionCodec.decodeAck(payload));
    } else if (topic.endsWith("/desired")) {
      desired.add(StateCodec.decodeDesired(payload, vin, CATALOG));
    } else if (topic.endsWith("/command")) {
      commands.add(StateCodec.decodeCommand(payload, vin));
    }
  }

  @Override
  public void close() {
    transport.close();
  }
}
