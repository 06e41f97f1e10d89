package io.spime.agent.internal;

import io.spime.wire.Priority;
import io.spime.wire.TopicKind;

/**
 * One uplink message in the outbox: its topic, priority, the number of samples or events it carries,
 * and its protobuf body without a sequence (the sequence is added when it is numbered for sending).
 */
public record OutboxRow(TopicKind kind, Priority priority, int items, long createdMillis, byte[] body) {}
