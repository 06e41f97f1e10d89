package io.spime.twin;

import io.spime.wire.TelemetryBatch;
import io.spime.wire.Vin;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store of the lifetime twins of a fleet. Open one with {@link TwinStores}. Every method may be
 * called from any thread.
 */
public interface TwinStore extends AutoCloseable {

  /**
   * Applies telemetry batches of many vehicles in ONE transaction, committed durably before this
   * method returns. For each batch, in list order: durable = highest applied seq of (vin, streamId),
   * 0 for a new stream; seq &lt;= durable: duplicate, skipped; seq == durable + 1: applied (latest
   * value per signal kept when the sample is not older than the stored one, daily rollups of trend
   * signals updated, samples-applied counter += samples, last-seen = max sample time, durable = seq);
   * seq &gt; durable + 1: gap, skipped (the agent resends). Unknown vehicles are created on first
   * telemetry (identity only).
   *
   * @throws TwinStoreException if the store fails; then nothing of the call is written
   * @throws NullPointerException if the list or one of its batches is null
   */
  TelemetryApplyResult applyTelemetry(List<TelemetryBatch> batches);

  /**
   * Latest value of every signal of the vehicle, by catalog signal id; empty if the vehicle is unknown.
   *
   * @throws TwinStoreException if the store fails
   */
  Map<Integer, SignalReading> latestSignals(Vin vin);

  /**
   * Total samples applied for the vehicle (duplicates not counted); 0 if the vehicle is unknown.
   *
   * @throws TwinStoreException if the store fails
   */
  long samplesApplied(Vin vin);

  /**
   * Highest durable seq of the vehicle's most recently used stream, if any.
   *
   * @throws TwinStoreException if the store fails
   */
  Optional<StreamProgress> streamProgress(Vin vin);

  /** Closes the store; further calls fail with {@link TwinStoreException}. */
  @Override
  void close();
}
