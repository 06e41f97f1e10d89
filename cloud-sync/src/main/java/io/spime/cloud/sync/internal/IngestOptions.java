package io.spime.cloud.sync.internal;

import io.spime.cloud.sync.DurabilityListener;
import io.spime.cloud.sync.FatalErrorHandler;
import io.spime.cloud.sync.TransactionListener;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.signing.DownlinkSigner;
import java.time.Duration;
import java.util.Optional;

/** The ingest's settings, checked by the builder. */
public record IngestOptions(
    SignalCatalog catalog,
    Optional<String> shareGroup,
    int maxBatchesPerTransaction,
    Duration maxApplyDelay,
    int queueCapacity,
    long queueBytes,
    DurabilityListener durabilityListener,
    TransactionListener transactionListener,
    FatalErrorHandler fatalErrorHandler,
    Optional<DownlinkSigner> signer) {}
