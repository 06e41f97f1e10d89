package io.spime.mqtt.hivemq.internal;

import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import io.spime.mqtt.PublishRefusedException;
import io.spime.mqtt.TransportException;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/** Reads the broker's answer to a publish: accepted, refused in the PUBACK, or failed. */
final class PublishAnswers {
  private PublishAnswers() {}

  /**
   * Null if the broker accepted the publish (or QoS 0 was written); a {@link PublishRefusedException}
   * if its PUBACK carried a reason code of 0x80 or more; else a {@link TransportException}.
   */
  static @Nullable TransportException failure(
      String clientId, String topic, @Nullable Mqtt5PublishResult result, @Nullable Throwable error) {
    Throwable failure = error != null ? unwrap(error) : result == null ? null : result.getError().orElse(null);
    if (failure instanceof Mqtt5PubAckException refused) {
      int code = refused.getMqttMessage().getReasonCode().getCode();
      if (code >= PublishRefusedException.FIRST_FAILURE_CODE) {
        return new PublishRefusedException(clientId, topic, code);
      }
    }
    if (failure != null) {
      return new TransportException(clientId + ": publish to " + topic + " failed: " + failure, -1, failure);
    }
    if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1 && qos1.getPubAck().getReasonCode().isError()) {
      return new PublishRefusedException(clientId, topic, qos1.getPubAck().getReasonCode().getCode());
    }
    return null;
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
  }
}
