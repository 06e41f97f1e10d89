package io.spime.agent.internal;

import io.spime.wire.Priority;
import io.spime.wire.TopicKind;

/** An outbox row numbered in the stream, ready to publish. */
public record OutMessage(long seq, TopicKind kind, Priority priority, int items, byte[] body) {}
