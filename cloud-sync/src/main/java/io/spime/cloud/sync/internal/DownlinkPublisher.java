package io.spime.cloud.sync.internal;

/** Publishes one message to the cars; false when the broker link is down and nothing went out. */
@FunctionalInterface
interface DownlinkPublisher {
  boolean publish(String topic, byte[] payload, boolean retain);
}
