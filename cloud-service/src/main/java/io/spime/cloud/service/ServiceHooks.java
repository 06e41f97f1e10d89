package io.spime.cloud.service;

import io.spime.cloud.sync.DurabilityListener;
import io.spime.twin.TwinStore;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What tests and benchmarks may add to a running service: a wrapper around the store the ingest
 * writes to (a fault that loses samples, to prove that a verification sees it), and a listener told
 * of every telemetry batch that became durable, beside the service's own metrics. The API reads the
 * store itself.
 *
 * @param ingestStore wraps the store for the ingest; {@code UnaryOperator.identity()} for none
 * @param onDurable told of every durable batch after the metrics
 */
public record ServiceHooks(UnaryOperator<TwinStore> ingestStore, DurabilityListener onDurable) {
  /** No hooks: how {@code java -jar spime-cloud.jar} runs. */
  public static final ServiceHooks NONE = new ServiceHooks(UnaryOperator.identity(), (batch, committed) -> { });

  public ServiceHooks {
    Objects.requireNonNull(ingestStore, "ingestStore");
    Objects.requireNonNull(onDurable, "onDurable");
  }
}
