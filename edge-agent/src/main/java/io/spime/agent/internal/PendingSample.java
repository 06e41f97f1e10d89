package io.spime.agent.internal;

import io.spime.wire.Priority;
import io.spime.wire.telemetry.Sample;

/** An accepted sample waiting to be sealed into a batch, with the priority it was accepted at. */
public record PendingSample(Sample sample, Priority priority) {}
