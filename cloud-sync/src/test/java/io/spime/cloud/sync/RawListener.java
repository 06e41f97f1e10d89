package io.spime.cloud.sync;

import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.AssetId;
import java.util.List;
import java.util.UUID;

/** Keeps the raw payloads a car would receive on its desired and command topics. */
final class RawListener implements AutoCloseable {
  private final MqttTransport transport;

  RawListener(String url, AssetId vin, List<byte[]> seen) {
    this.transport = MqttTransports.paho(MqttSettings.builder(url, "raw-car-" + UUID.randomUUID())
        .cleanStart(true).build(), (topic, payload) -> {
          if (payload.length > 0) {
            seen.add(payload);
          }
        });
    transport.connect();
    transport.subscribe(Topics.of(vin, TopicKind.DESIRED), 1);
    transport.subscribe(Topics.of(vin, TopicKind.COMMAND), 1);
  }

  @Override
  public void close() {
    transport.close();
  }
}
