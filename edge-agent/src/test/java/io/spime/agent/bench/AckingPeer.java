package io.spime.agent.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.mqtt.TransportListener;
import io.spime.proto.v1.EventBatch;
import io.spime.proto.v1.ReportedState;
import io.spime.proto.v1.Sequence;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.VehicleTopic;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.session.Ack;
import io.spime.wire.session.SessionCodec;
import io.spime.wire.telemetry.TelemetryBatch;
import io.spime.wire.telemetry.TelemetryCodec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A benchmark stand-in for the cloud: applies telemetry, events and reports by seq == durable + 1, acks. */
final class AckingPeer implements TransportListener, AutoCloseable {
  private final MqttTransport transport;
  private final TelemetryCodec codec;
  private final Map<Long, Long> durable = new ConcurrentHashMap<>();
  final AtomicLong samples = new AtomicLong();

  AckingPeer(String url, SignalCatalog catalog) {
    codec = new TelemetryCodec(catalog);
    transport = MqttTransports.paho(MqttSettings.builder(url, "bench-peer-" + System.nanoTime())
        .cleanStart(true).maxInFlight(1000).build(), this);
    transport.connect();
    transport.subscribe(Topics.allVehicles(TopicKind.TELEMETRY), 1);
    transport.subscribe(Topics.allVehicles(TopicKind.EVENTS), 1);
    transport.subscribe(Topics.allVehicles(TopicKind.REPORTED), 1);
  }

  @Override
  public synchronized void messageArrived(String topic, byte[] payload) {
    VehicleTopic parsed = Topics.parse(topic);
    Sequence sequence;
    int count;
    try {
      if (parsed.kind() == TopicKind.TELEMETRY) {
        TelemetryBatch batch = codec.decode(payload);
        sequence = Sequence.newBuilder().setStreamId(batch.position().streamId())
            .setSeq(batch.position().seq()).build();
        count = batch.samples().size();
      } else if (parsed.kind() == TopicKind.EVENTS) {
        sequence = EventBatch.parseFrom(payload).getSequence();
        count = 0;
      } else {
        sequence = ReportedState.parseFrom(payload).getSequence();
        count = 0;
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("bad payload on " + topic, e);
    }
    long stream = sequence.getStreamId();
    long at = durable.getOrDefault(stream, 0L);
    if (sequence.getSeq() == at + 1) {
      at = sequence.getSeq();
      durable.put(stream, at);
      samples.addAndGet(count);
    }
    transport.publish(Topics.of(parsed.vin(), TopicKind.ACK),
        SessionCodec.encode(new Ack(parsed.vin(), stream, at, System.currentTimeMillis())), 1, false);
  }

  @Override
  public void close() {
    transport.close();
  }
}
