package io.spime.twin.sync.internal;

/** A message as it came from the broker, before any check. */
record Inbound(String topic, byte[] payload) {}
