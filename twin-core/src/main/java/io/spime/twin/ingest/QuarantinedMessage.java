package io.spime.twin.ingest;

import io.spime.wire.StreamPosition;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A quarantined uplink message as stored: it advanced its stream but was not used. Equal by content;
 * {@link #payload()} returns a copy.
 *
 * @param position its place in the vehicle's uplink sequence
 * @param topic the MQTT topic it came on
 * @param reason why it was not used
 * @param payload the raw payload
 * @param receivedAt when the store applied it, by the store's clock
 */
public record QuarantinedMessage(
    StreamPosition position, String topic, String reason, byte[] payload, Instant receivedAt) {
  public QuarantinedMessage {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(reason, "reason");
    payload = Objects.requireNonNull(payload, "payload").clone();
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** A copy of the raw payload. */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuarantinedMessage q && position.equals(q.position) && topic.equals(q.topic)
        && reason.equals(q.reason) && Arrays.equals(payload, q.payload) && receivedAt.equals(q.receivedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(position, topic, reason, Arrays.hashCode(payload), receivedAt);
  }

  @Override
  public String toString() {
    return "QuarantinedMessage[position=" + position + ", topic=" + topic + ", reason=" + reason + ", payload="
        + payload.length + " bytes, receivedAt=" + receivedAt + "]";
  }
}
