package io.spime.agent.internal;

import io.spime.agent.OutboxException;
import io.spime.agent.RefusalReason;
import io.spime.wire.AssetId;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the last seal failed (a full or failing disk): logs the first failure of an outage at
 * ERROR, the ones after it at DEBUG, and the first success after it at WARN, so a full disk is one
 * clear line and not one per batch window. Thread-safe.
 */
final class StorageHealth {
  private static final Logger LOG = LoggerFactory.getLogger(StorageHealth.class);

  private final AssetId vin;
  private final AtomicBoolean failing = new AtomicBoolean();

  StorageHealth(AssetId vin) {
    this.vin = vin;
  }

  /** Seals a full journal on the caller's thread; a failure refuses the sample, counted and logged. */
  void sealForRoom(Sealer sealer, AgentCounters counters) {
    try {
      sealer.sealNow();
      succeeded();
    } catch (OutboxException e) {
      counters.refused(RefusalReason.STORAGE_FAILED);
      failed(e);
      throw new OutboxException("agent " + vin + ": sample not kept: the journal is full and the "
          + "outbox cannot take it (" + e.getMessage() + "); samples are taken again once a seal "
          + "succeeds", e);
    }
  }

  void failed(OutboxException error) {
    if (failing.compareAndSet(false, true)) {
      LOG.error("agent {}: sealing into the outbox failed; accepted samples stay in the journal "
          + "and are retried, and once the journal is full new samples are refused "
          + "(RefusalReason.STORAGE_FAILED) until a seal succeeds", vin, error);
    } else {
      LOG.debug("agent {}: sealing still fails: {}", vin, error.getMessage());
    }
  }

  void succeeded() {
    if (failing.compareAndSet(true, false)) {
      LOG.warn("agent {}: sealing works again; samples are taken again", vin);
    }
  }
}
