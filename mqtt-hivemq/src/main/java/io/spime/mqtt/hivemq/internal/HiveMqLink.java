package io.spime.mqtt.hivemq.internal;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.TransportException;
import io.spime.mqtt.TransportListener;
import io.spime.mqtt.internal.InFlight;
import io.spime.mqtt.internal.LinkedTransport;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's HiveMQ client, its in-flight window and its pending publishes. HiveMQ's callbacks
 * run on the event loop and only record what happened; spime's code (futures, the listener) runs in
 * this link's {@link SerialExecutor} lane, in the order the event loop saw it.
 */
final class HiveMqLink implements LinkedTransport.Link {
  private static final Logger LOG = LoggerFactory.getLogger(HiveMqLink.class);

  private final Mqtt5AsyncClient client;
  private final TransportListener listener;
  private final String clientId;
  private final SerialExecutor lane;
  private final InFlight<Pending> pending;
  private volatile boolean up;
  private volatile boolean lost;

  /** A publish waiting for the broker, and the broker's answer (null: accepted) once it came. */
  private static final class Pending {
    final String topic;
    volatile boolean answered;
    volatile @Nullable TransportException refusal;

    Pending(String topic) {
      this.topic = topic;
    }
  }

  HiveMqLink(MqttSettings settings, TransportListener listener) {
    this.listener = listener;
    this.clientId = settings.clientId();
    this.pending = new InFlight<>(settings.maxInFlight(), clientId);
    this.lane = SharedLoops.lane(clientId);
    this.client = HiveMqClients.build(settings, this::disconnected);
    client.publishes(MqttGlobalPublishFilter.ALL, this::arrived, true);
  }

  /** Sends the CONNECT; the link counts as up from the CONNACK on (on the event loop). */
  CompletableFuture<Mqtt5ConnAck> connect(MqttSettings settings) {
    return client.connect(HiveMqClients.connect(settings)).thenApply(ack -> {
      up = true;
      if (lost) { // given up on while connecting: do not leave the connection open
        client.disconnect();
      }
      return ack;
    });
  }

  Mqtt5AsyncClient client() {
    return client;
  }

  /** Shrinks the window to the broker's Receive Maximum, if it announced a smaller one. */
  void limitWindow(int serverReceiveMaximum) {
    pending.limit(serverReceiveMaximum);
  }

  @Override
  public boolean isConnected() {
    return up && !lost && client.getState().isConnected();
  }

  @Override
  public int inFlight() {
    return pending.size();
  }

  @Override
  public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained, long timeoutMs) {
    var level = HiveMqClients.qos(qos);
    Pending entry = new Pending(topic);
    CompletableFuture<Void> done = pending.enter(entry, timeoutMs);
    try {
      client.publishWith().topic(topic).payload(payload).qos(level).retain(retained).send()
          .whenComplete((result, error) -> {
            entry.refusal = PublishAnswers.failure(clientId, topic, result, error);
            entry.answered = true;
            lane.execute(() -> settle(done, entry.refusal));
          });
    } catch (RuntimeException e) { // a topic or payload the client rejects before sending
      TransportException failure = new TransportException(
          clientId + ": cannot publish to " + topic + ": " + e.getMessage(), -1, e);
      settle(done, failure);
      throw failure;
    }
    if (lost) {
      settle(done, new TransportException(clientId + ": link dropped"));
    }
    return done;
  }

  @Override
  public void disconnectCleanly(long timeoutMs) {
    lost = true;
    if (client.getState().isConnected()) {
      try {
        client.disconnect().get(timeoutMs, TimeUnit.MILLISECONDS);
      } catch (Exception e) { // already gone or too slow: the link is given up either way
        LOG.debug("{}: clean disconnect failed: {}", clientId, e.toString());
      }
    }
    close();
  }

  /** Also disconnects a client still connected; a client is never reconnected. */
  @Override
  public void close() {
    lost = true;
    failPending(new TransportException(clientId + ": link closed"));
    if (client.getState().isConnected()) {
      client.disconnect();
    }
  }

  /** On the event loop: hands the message to the lane and acknowledges it after the listener returned. */
  private void arrived(Mqtt5Publish message) {
    String topic = message.getTopic().toString();
    byte[] payload = message.getPayloadAsBytes();
    lane.execute(() -> {
      try {
        listener.messageArrived(topic, payload);
      } catch (RuntimeException e) {
        LOG.error("{}: listener failed on a message on {}", clientId, topic, e);
      } finally {
        acknowledge(message);
      }
    });
  }

  private void acknowledge(Mqtt5Publish message) {
    try {
      message.acknowledge();
    } catch (RuntimeException e) { // the link dropped meanwhile: the broker redelivers in the session
      LOG.debug("{}: cannot acknowledge a message: {}", clientId, e.toString());
    }
  }

  /** On the event loop, after any PUBACK that came before the link went down. */
  private void disconnected(MqttClientDisconnectedContext context) {
    boolean wasUp = up && !lost;
    lost = true;
    Throwable cause = context.getCause();
    if (!wasUp || context.getSource() == MqttDisconnectSource.USER) {
      failPending(new TransportException(clientId + ": link closed", -1, cause));
      return;
    }
    failPending(new TransportException(clientId + ": link dropped: " + cause.getMessage(), -1, cause));
    lane.execute(() -> {
      try {
        listener.connectionLost(cause);
      } catch (RuntimeException e) {
        LOG.error("{}: listener failed on connection loss", clientId, e);
      }
    });
  }

  /** Fails each pending publish with {@code error}, unless the broker's answer to it already came. */
  private void failPending(TransportException error) {
    for (Map.Entry<CompletableFuture<Void>, Pending> each : pending.snapshot().entrySet()) {
      Pending entry = each.getValue();
      TransportException outcome = entry.answered ? entry.refusal : error;
      lane.execute(() -> settle(each.getKey(), outcome));
    }
  }

  private void settle(CompletableFuture<Void> done, @Nullable TransportException error) {
    pending.settle(done, error);
  }
}
