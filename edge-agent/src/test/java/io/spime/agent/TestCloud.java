package io.spime.agent;

import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.mqtt.TransportListener;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.VehicleTopic;
import io.spime.wire.AssetId;
import io.spime.wire.WireException;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.event.EventBatch;
import io.spime.wire.event.EventCodec;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.session.Ack;
import io.spime.wire.session.SessionCodec;
import io.spime.wire.state.ReportedState;
import io.spime.wire.state.StateCodec;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.TelemetryBatch;
import io.spime.wire.telemetry.TelemetryCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test-only stand-in for spime's cloud side: subscribes to every vehicle's uplink topics, applies
 * each stream's messages only in sequence (seq == durable + 1), drops duplicates and gaps, keeps
 * what it applied in memory, and acks the highest applied seq after every message. It decodes with
 * the same strict wire codecs as the real cloud; a payload they refuse is kept in {@link #rejected}.
 */
final class TestCloud implements TransportListener, AutoCloseable {
  /** What the cloud holds for one vehicle stream. */
  static final class Stream {
    volatile long durable;
    final List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<VehicleEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<ReportedState> reports = java.util.Collections.synchronizedList(new ArrayList<>());
  }

  private final MqttTransport transport;
  private final TelemetryCodec codec;
  private final SignalCatalog catalog;
  private final Map<AssetId, Map<Long, Stream>> streams = new ConcurrentHashMap<>();
  final AtomicLong duplicates = new AtomicLong();
  final AtomicLong gaps = new AtomicLong();
  final List<io.spime.wire.session.Birth> births = new CopyOnWriteArrayList<>();
  /** What the wire decoders refused, as "topic: message"; the agent should never cause any. */
  final List<String> rejected = new CopyOnWriteArrayList<>();
  volatile boolean acking = true;
  private volatile boolean closed;

  TestCloud(String brokerUrl, SignalCatalog catalog) {
    this(brokerUrl, catalog, io.spime.mqtt.MqttSecurity.none());
  }

  TestCloud(String brokerUrl, SignalCatalog catalog, io.spime.mqtt.MqttSecurity security) {
    this.codec = new TelemetryCodec(catalog);
    this.catalog = catalog;
    this.transport = MqttTransports.paho(
        MqttSettings.builder(brokerUrl, "test-cloud-" + UUID.randomUUID()).cleanStart(true)
            .maxInFlight(100).security(security).build(), this);
    connectAndSubscribe();
  }

  private void connectAndSubscribe() {
    transport.connect();
    for (TopicKind kind : List.of(TopicKind.TELEMETRY, TopicKind.EVENTS, TopicKind.REPORTED, TopicKind.BIRTH)) {
      transport.subscribe(Topics.allVehicles(kind), 1);
    }
  }

  /** After a broker restart: reconnects in the background until it succeeds. */
  @Override
  public void connectionLost(Throwable cause) {
    Thread retry = new Thread(() -> {
      while (!closed) {
        try {
          connectAndSubscribe();
          return;
        } catch (io.spime.mqtt.TransportException e) {
          java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
        }
      }
    }, "test-cloud-reconnect");
    retry.setDaemon(true);
    retry.start();
  }

  /** The streams seen for a vehicle, by stream id. */
  Map<Long, Stream> streams(AssetId vin) {
    return streams.computeIfAbsent(vin, v -> new ConcurrentHashMap<>());
  }

  Stream stream(AssetId vin, long streamId) {
    return streams(vin).computeIfAbsent(streamId, id -> new Stream());
  }

  /** Every applied sample of a vehicle over all its streams. */
  List<Sample> samples(AssetId vin) {
    List<Sample> all = new ArrayList<>();
    streams(vin).values().forEach(stream -> copyInto(all, stream.samples));
    return all;
  }

  @Override
  public synchronized void messageArrived(String topic, byte[] payload) {
    VehicleTopic parsed = Topics.parse(topic);
    AssetId vin = parsed.vin();
    try {
      switch (parsed.kind()) {
        case BIRTH -> {
          io.spime.wire.session.Birth birth = SessionCodec.decodeBirth(payload);
          births.add(birth);
          Stream stream = stream(vin, birth.streamId());
          if (stream.durable > 0) {
            ack(vin, birth.streamId(), stream.durable);
          }
        }
        case TELEMETRY -> {
          TelemetryBatch batch = codec.decode(payload);
          Stream stream = stream(vin, batch.position().streamId());
          if (apply(stream, batch.position().seq())) {
            stream.samples.addAll(batch.samples());
          }
          ack(vin, batch.position().streamId(), stream.durable);
        }
        case EVENTS -> {
          EventBatch batch = EventCodec.decode(payload);
          Stream stream = stream(vin, batch.position().streamId());
          if (apply(stream, batch.position().seq())) {
            stream.events.addAll(batch.events());
          }
          ack(vin, batch.position().streamId(), stream.durable);
        }
        case REPORTED -> {
          ReportedState report = StateCodec.decodeReported(payload, catalog);
          Stream stream = stream(vin, report.position().streamId());
          if (apply(stream, report.position().seq())) {
            stream.reports.add(report);
          }
          ack(vin, report.position().streamId(), stream.durable);
        }
        default -> { }
      }
    } catch (WireException e) {
      rejected.add(topic + ": " + e.getMessage());
      throw e;
    }
  }

  private boolean apply(Stream stream, long seq) {
    if (seq <= stream.durable) {
      duplicates.incrementAndGet();
      return false;
    }
    if (seq != stream.durable + 1) {
      gaps.incrementAndGet();
      return false;
    }
    stream.durable = seq;
    return true;
  }

  private void ack(AssetId vin, long streamId, long seq) {
    if (acking && seq > 0 && transport.isConnected()) {
      transport.publish(Topics.of(vin, TopicKind.ACK),
          SessionCodec.encode(new Ack(vin, streamId, seq, System.currentTimeMillis())), 1, false);
    }
  }

  /** Publishes raw bytes on a vehicle's topic, as the cloud would. */
  void publish(AssetId vin, TopicKind kind, byte[] payload) {
    transport.publish(Topics.of(vin, kind), payload, 1, kind.isRetained()).join();
  }

  /** Every event the vehicle's streams applied. */
  List<VehicleEvent> events(AssetId vin) {
    List<VehicleEvent> all = new ArrayList<>();
    streams(vin).values().forEach(stream -> copyInto(all, stream.events));
    return all;
  }

  /** Every report the vehicle's streams applied. */
  List<ReportedState> reports(AssetId vin) {
    List<ReportedState> all = new ArrayList<>();
    streams(vin).values().forEach(stream -> copyInto(all, stream.reports));
    return all;
  }

  private static <T> void copyInto(List<T> target, List<T> synchronizedSource) {
    synchronized (synchronizedSource) {
      target.addAll(synchronizedSource);
    }
  }

  @Override
  public void close() {
    closed = true;
    transport.close();
  }
}
