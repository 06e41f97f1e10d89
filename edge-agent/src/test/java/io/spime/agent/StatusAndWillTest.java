package io.spime.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.mqtt.TransportListener;
import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.AssetId;
import io.spime.wire.session.SessionCodec;
import io.spime.wire.session.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retained status: online on connect, offline on a clean close, and offline by the MQTT will on kill -9. */
class StatusAndWillTest {
  @TempDir Path dir;

  /** Subscribes to one vehicle's status topic and keeps every status message, retained ones included. */
  private static final class StatusWatcher implements TransportListener, AutoCloseable {
    final List<Status> seen = new CopyOnWriteArrayList<>();
    private final MqttTransport transport;

    StatusWatcher(AssetId vin) {
      transport = MqttTransports.paho(MqttSettings.builder(TestBrokers.embedded().url(), "watch-" + UUID.randomUUID())
          .cleanStart(true).build(), this);
      transport.connect();
      transport.subscribe(Topics.of(vin, TopicKind.STATUS), 1);
    }

    @Override
    public void messageArrived(String topic, byte[] payload) {
      seen.add(SessionCodec.decodeStatus(payload));
    }

    Status last() {
      return seen.get(seen.size() - 1);
    }

    @Override
    public void close() {
      transport.close();
    }
  }

  @Test
  void status_is_online_after_connect_and_offline_after_close() {
    AssetId vin = TestVins.random();
    try (StatusWatcher watcher = new StatusWatcher(vin)) {
      try (EdgeAgent agent = EdgeAgent.builder(vin, TestBrokers.embedded().url(), dir).build()) {
        agent.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !watcher.seen.isEmpty() && watcher.last().online());
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> !watcher.last().online());
    }
    try (StatusWatcher late = new StatusWatcher(vin)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> !late.seen.isEmpty());
      assertFalse(late.last().online(), "the offline status is retained for late subscribers");
    }
  }

  @Test
  void a_killed_agent_is_reported_offline_by_its_will() throws Exception {
    AssetId vin = TestVins.random();
    try (StatusWatcher watcher = new StatusWatcher(vin);
        ChildJvm child = ChildJvm.start(vin, TestBrokers.embedded().url(), dir, 0, 10, 1_000, dir.resolve("child.log"))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> !watcher.seen.isEmpty() && watcher.last().online());
      long bootId = watcher.last().bootId();
      child.killNine();
      await().atMost(Duration.ofSeconds(30)).until(() -> !watcher.last().online());
      Status will = watcher.last();
      assertEquals(bootId, will.bootId(), "the will names the boot that died");
      assertTrue(will.timeMillis() > 0);
    }
  }
}
