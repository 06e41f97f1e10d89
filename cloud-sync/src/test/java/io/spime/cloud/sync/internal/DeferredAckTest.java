package io.spime.cloud.sync.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.mqtt.TransportException;
import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.StreamPosition;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.session.Ack;
import io.spime.wire.session.SessionCodec;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import io.spime.wire.telemetry.TelemetryCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An ack that finds the ingest's in-flight window full is kept and sent once there is room, merged
 * with later acks of its stream, against a real broker. The window is made full by a transport that
 * refuses ack publishes while told to: a full window cannot be brought about on demand for real.
 */
class DeferredAckTest {
  private static final SignalCatalog CATALOG = SignalCatalog.builtIn();
  private static final int SPEED = CATALOG.require("Vehicle.Speed").id();

  @TempDir Path dir;

  static List<String> brokers() {
    return TestBrokers.all();
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void acks_refused_while_the_window_is_full_go_out_as_the_newest_once_it_opens(String url)
      throws Exception {
    AssetId vin = TestVins.random();
    RefusingAcks[] link = new RefusingAcks[1];
    List<Ack> acks = new CopyOnWriteArrayList<>();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"))) {
      IngestEngine ingest = new IngestEngine(store, options(), listener -> {
        link[0] = new RefusingAcks(MqttTransports.paho(
            MqttSettings.builder(url, "ingest-" + UUID.randomUUID()).maxInFlight(64).build(), listener));
        return link[0];
      });
      try (MqttTransport car = carLink(url, vin, acks)) {
        ingest.start();
        link[0].full = true;
        for (long seq = 1; seq <= 3; seq++) {
          car.publish(Topics.of(vin, TopicKind.TELEMETRY), batch(vin, seq), 1, false).get(10, TimeUnit.SECONDS);
          // Each batch applied and its ack refused before the next, so three acks wait to be merged;
          // an ack is tried just after its group commits, so wait for the try, not the samples alone.
          long applied = seq;
          await().atMost(Duration.ofSeconds(15)).until(
              () -> store.samplesApplied(vin) == applied && ingest.stats().acksDeferred() == applied);
        }
        assertEquals(0, ingest.stats().acksSent());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).untilAsserted(
            () -> assertEquals(List.of(), acks, "nothing goes out while the window is full"));

        link[0].full = false;
        await().atMost(Duration.ofSeconds(10)).until(() -> !acks.isEmpty());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).untilAsserted(
            () -> assertEquals(1, acks.size(), "one ack for the stream, not one per batch: " + acks));
        assertEquals(3, acks.get(0).seq());
        assertEquals(1, ingest.stats().acksSent());
      } finally {
        ingest.close();
      }
    }
  }

  private static IngestOptions options() {
    return new IngestOptions(CATALOG, Optional.empty(), 500, Duration.ofMillis(20), 10_000,
        64L << 20, (batch, committedMillis) -> {}, (messages, nanos, committed) -> {}, cause -> {
          throw new AssertionError("the ingest failed", cause);
        }, Optional.empty());
  }

  private static MqttTransport carLink(String url, AssetId vin, List<Ack> acks) {
    MqttTransport car = MqttTransports.paho(MqttSettings.builder(url, "car-" + UUID.randomUUID()).build(),
        (topic, payload) -> acks.add(SessionCodec.decodeAck(payload)));
    car.connect();
    car.subscribe(Topics.of(vin, TopicKind.ACK), 1);
    return car;
  }

  private static byte[] batch(AssetId vin, long seq) {
    long time = System.currentTimeMillis();
    return new TelemetryCodec(CATALOG).encode(new TelemetryBatch(vin, new StreamPosition(11, seq, 3),
        CATALOG.version(), List.of(new Sample(SPEED, time, SignalValue.of(40.0 + seq)))));
  }

  /** The real transport, except that ack publishes are refused as by a full window while told to. */
  private static final class RefusingAcks implements MqttTransport {
    private final MqttTransport real;
    volatile boolean full;

    RefusingAcks(MqttTransport real) {
      this.real = real;
    }

    @Override
    public CompletableFuture<Void> publishNow(String topic, byte[] payload, int qos, boolean retained) {
      if (full && topic.endsWith("/ack")) {
        throw new TransportException("in-flight window full (test)");
      }
      return real.publishNow(topic, payload, qos, retained);
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
      return real.publish(topic, payload, qos, retained);
    }

    @Override
    public void connect() {
      real.connect();
    }

    @Override
    public boolean isConnected() {
      return real.isConnected();
    }

    @Override
    public void subscribe(String topicFilter, int qos) {
      real.subscribe(topicFilter, qos);
    }

    @Override
    public int inFlight() {
      return real.inFlight();
    }

    @Override
    public void disconnect() {
      real.disconnect();
    }

    @Override
    public void close() {
      real.close();
    }
  }
}
