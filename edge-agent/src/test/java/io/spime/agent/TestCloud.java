package io.spime.agent;

import com.google.protobuf.InvalidProtocolBufferException;
import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.mqtt.TransportListener;
import io.spime.proto.v1.EventBatch;
import io.spime.proto.v1.ReportedState;
import io.spime.proto.v1.Sequence;
import io.spime.wire.Ack;
import io.spime.wire.Sample;
import io.spime.wire.SessionCodec;
import io.spime.wire.SignalCatalog;
import io.spime.wire.TelemetryBatch;
import io.spime.wire.TelemetryCodec;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.VehicleTopic;
import io.spime.wire.Vin;
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
 * what it applied in memory, and acks the highest applied seq after every message.
 */
final class TestCloud implements TransportListener, AutoCloseable {
  /** What the cloud holds for one vehicle stream. */
  static final class Stream {
    volatile long durable;
    final List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<io.spime.proto.v1.VehicleEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<ReportedState> reports = java.util.Collections.synchronizedList(new ArrayList<>());
  }

  private final MqttTransport transport;
  private final TelemetryCodec codec;
  private final Map<Vin, Map<Long, Stream>> streams = new ConcurrentHashMap<>();
  final AtomicLong duplicates = new AtomicLong();
  final AtomicLong gaps = new AtomicLong();
  final List<io.spime.wire.Birth> births = new CopyOnWriteArrayList<>();
  volatile boolean acking = true;
  private volatile boolean closed;

  TestCloud(String brokerUrl, SignalCatalog catalog) {
    this.codec = new TelemetryCodec(catalog);
    this.transport = MqttTransports.paho(
        MqttSettings.builder(brokerUrl, "test-cloud-" + UUID.randomUUID()).cleanStart(true)
            .maxInFlight(100).build(), this);
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
  Map<Long, Stream> streams(Vin vin) {
    return streams.computeIfAbsent(vin, v -> new ConcurrentHashMap<>());
  }

  Stream stream(Vin vin, long streamId) {
    return streams(vin).computeIfAbsent(streamId, id -> new Stream());
  }

  /** Every applied sample of a vehicle over all its streams. */
  List<Sample> samples(Vin vin) {
    List<Sample> all = new ArrayList<>();
    streams(vin).values().forEach(stream -> copyInto(all, stream.samples));
    return all;
  }

  @Override
  public synchronized void messageArrived(String topic, byte[] payload) {
    VehicleTopic parsed = Topics.parse(topic);
    Vin vin = parsed.vin();
    try {
      switch (parsed.kind()) {
        case BIRTH -> {
          io.spime.wire.Birth birth = SessionCodec.decodeBirth(payload);
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
          EventBatch batch = EventBatch.parseFrom(payload);
          Stream stream = stream(vin, batch.getSequence().getStreamId());
          if (apply(stream, batch.getSequence().getSeq())) {
            stream.events.addAll(batch.getEventsList());
          }
          ack(vin, batch.getSequence().getStreamId(), stream.durable);
        }
        case REPORTED -> {
          ReportedState report = ReportedState.parseFrom(payload);
          Sequence sequence = report.getSequence();
          Stream stream = stream(vin, sequence.getStreamId());
          if (apply(stream, sequence.getSeq())) {
            stream.reports.add(report);
          }
          ack(vin, sequence.getStreamId(), stream.durable);
        }
        default -> { }
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("test cloud got a bad payload on " + topic, e);
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

  private void ack(Vin vin, long streamId, long seq) {
    if (acking && seq > 0 && transport.isConnected()) {
      transport.publish(Topics.of(vin, TopicKind.ACK),
          SessionCodec.encode(new Ack(vin, streamId, seq, System.currentTimeMillis())), 1, false);
    }
  }

  /** Publishes raw bytes on a vehicle's topic, as the cloud would. */
  void publish(Vin vin, TopicKind kind, byte[] payload) {
    transport.publish(Topics.of(vin, kind), payload, 1, kind.isRetained()).join();
  }

  /** Every event the vehicle's streams applied. */
  List<io.spime.proto.v1.VehicleEvent> events(Vin vin) {
    List<io.spime.proto.v1.VehicleEvent> all = new ArrayList<>();
    streams(vin).values().forEach(stream -> copyInto(all, stream.events));
    return all;
  }

  /** Every report the vehicle's streams applied. */
  List<ReportedState> reports(Vin vin) {
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
