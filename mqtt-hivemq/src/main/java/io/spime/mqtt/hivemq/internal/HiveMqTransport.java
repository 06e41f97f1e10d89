package io.spime.mqtt.hivemq.internal;

import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.TransportException;
import io.spime.mqtt.TransportListener;
import io.spime.mqtt.internal.ConnectFailures;
import io.spime.mqtt.internal.LinkedTransport;
import io.spime.mqtt.internal.RefusalLog;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttTransport} on the HiveMQ MQTT 5 client, its sockets on the JVM's shared event loops.
 * Every connect makes a fresh client ({@link LinkedTransport}). The in-flight window is ours
 * ({@link HiveMqLink}).
 */
public final class HiveMqTransport extends LinkedTransport<HiveMqLink> {
  private static final Logger LOG = LoggerFactory.getLogger(HiveMqTransport.class);

  /**
   * A transport for these settings, not yet connected.
   *
   * @throws TransportException if the settings hold TLS only as a socket factory
   */
  public HiveMqTransport(MqttSettings settings, TransportListener listener) {
    super(settings, listener, LOG);
    HiveMqClients.build(settings, context -> { }); // fails now, not at the first connect, on unusable settings
  }

  @Override
  protected HiveMqLink open(RefusalLog refusals) {
    HiveMqLink next = new HiveMqLink(settings, listener);
    long timeoutMs = HiveMqClients.connectTimeoutMillis(settings);
    try {
      Mqtt5ConnAck ack = next.connect(settings).get(timeoutMs + 1_000, TimeUnit.MILLISECONDS);
      next.limitWindow(ack.getRestrictions().getReceiveMaximum());
      return next;
    } catch (ExecutionException e) {
      next.close();
      Throwable cause = e.getCause();
      int code = cause instanceof Mqtt5ConnAckException refused ? refused.getMqttMessage().getReasonCode().getCode() : -1;
      refusals.failed(code, cause);
      throw new TransportException("cannot connect " + settings.clientId() + " to " + settings.serverUri() + ": "
          + ConnectFailures.describe(code, cause, settings.serverUri()), code, cause);
    } catch (TimeoutException e) {
      next.close();
      throw new TransportException("cannot connect " + settings.clientId() + " to " + settings.serverUri()
          + ": no CONNACK within " + timeoutMs + " ms", -1, e);
    } catch (InterruptedException e) {
      next.close();
      Thread.currentThread().interrupt();
      throw new TransportException(settings.clientId() + ": interrupted while connecting", -1, e);
    }
  }

  @Override
  public void subscribe(String topicFilter, int qos) {
    HiveMqLink current = connected();
    Mqtt5SubAck ack;
    try {
      ack = current.client().subscribeWith().topicFilter(topicFilter).qos(HiveMqClients.qos(qos)).send()
          .get(HiveMqClients.connectTimeoutMillis(settings), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Mqtt5SubAckException refused) {
        throw refusal(topicFilter, refused.getMqttMessage().getReasonCodes());
      }
      throw new TransportException("cannot subscribe " + settings.clientId() + " to " + topicFilter + ": "
          + e.getCause(), -1, e.getCause());
    } catch (TimeoutException e) {
      throw new TransportException("cannot subscribe " + settings.clientId() + " to " + topicFilter
          + ": no SUBACK in time", -1, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(settings.clientId() + ": interrupted while subscribing", -1, e);
    }
    if (ack.getReasonCodes().stream().anyMatch(Mqtt5SubAckReasonCode::isError)) {
      throw refusal(topicFilter, ack.getReasonCodes());
    }
  }

  private TransportException refusal(String topicFilter, List<Mqtt5SubAckReasonCode> codes) {
    int code = codes.stream().filter(Mqtt5SubAckReasonCode::isError).findFirst()
        .map(Mqtt5SubAckReasonCode::getCode).orElse(-1);
    return new TransportException("broker refused subscription " + topicFilter + " with reason " + code, code, null);
  }
}
