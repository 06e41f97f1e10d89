package io.spime.twin.sync.internal;

import io.spime.twin.sync.DurabilityListener;
import io.spime.wire.SignalCatalog;
import java.time.Duration;
import java.util.Optional;

/** The ingest's settings, checked by the builder. */
public record IngestOptions(
    SignalCatalog catalog,
    Optional<String> shareGroup,
    int maxBatchesPerTransaction,
    Duration maxApplyDelay,
    int queueCapacity,
    DurabilityListener durabilityListener) {}
