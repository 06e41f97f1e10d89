package io.spime.mqtt;

import java.util.Objects;

/** The message the broker publishes for a client whose link drops without a clean disconnect. */
public record Will(String topic, byte[] payload, int qos, boolean retained) {
  public Will {
    Objects.requireNonNull(topic, "topic");
    payload = payload.clone();
    if (qos < 0 || qos > 2) {
      throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qos);
    }
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Will will
        && topic.equals(will.topic)
        && java.util.Arrays.equals(payload, will.payload)
        && qos == will.qos
        && retained == will.retained;
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, java.util.Arrays.hashCode(payload), qos, retained);
  }

  @Override
  public String toString() {
    return "Will[" + topic + ", " + payload.length + " bytes, qos " + qos + "]";
  }
}
