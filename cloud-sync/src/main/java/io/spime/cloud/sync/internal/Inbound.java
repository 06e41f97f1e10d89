package io.spime.cloud.sync.internal;

/** A message as it came from the broker, before any check, and when it came (epoch millis). */
record Inbound(String topic, byte[] payload, long receivedMillis) {}
