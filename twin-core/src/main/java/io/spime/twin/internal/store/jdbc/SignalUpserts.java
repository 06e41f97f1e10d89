package io.spime.twin.internal.store.jdbc;

import io.spime.wire.telemetry.SignalValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes one transaction's folded telemetry: each car's latest value per signal, kept if not older
 * than the stored one, and daily rollups merged into the stored ones. Each key appears once.
 */
public interface SignalUpserts {
  /** The columns of {@code signal_latest}, in the order of {@link Latest}. */
  String LATEST_COLUMNS = "signal_latest (vehicle_id, signal_id, time_ms, kind, num, txt)";

  /** What an upsert of {@code signal_latest} does with a stored row. */
  String LATEST_CONFLICT = "ON CONFLICT (vehicle_id, signal_id) DO UPDATE SET time_ms = excluded.time_ms, "
      + "kind = excluded.kind, num = excluded.num, txt = excluded.txt "
      + "WHERE excluded.time_ms >= signal_latest.time_ms";

  /** The columns of {@code signal_daily}, in the order of {@link Daily}. */
  String DAILY_COLUMNS = "signal_daily (vehicle_id, signal_id, day, min_value, max_value, sum_value, sample_count)";

  /** What an upsert of {@code signal_daily} does with a stored row. */
  String DAILY_CONFLICT = "ON CONFLICT (vehicle_id, signal_id, day) DO UPDATE SET "
      + "min_value = CASE WHEN excluded.min_value < signal_daily.min_value "
      + "THEN excluded.min_value ELSE signal_daily.min_value END, "
      + "max_value = CASE WHEN excluded.max_value > signal_daily.max_value "
      + "THEN excluded.max_value ELSE signal_daily.max_value END, "
      + "sum_value = signal_daily.sum_value + excluded.sum_value, "
      + "sample_count = signal_daily.sample_count + excluded.sample_count";

  /** A car's newest value of a signal in the transaction. */
  record Latest(long vehicleId, int signalId, long timeMillis, SignalValue value) {}

  /** A car's rollup of a numeric signal over one UTC day ({@code day} since the epoch) in the transaction. */
  record Daily(long vehicleId, int signalId, long day, double min, double max, double sum, long count) {}

  /** Upserts the rows in the transaction of {@code c}. */
  void write(Connection c, List<Latest> latest, List<Daily> daily) throws SQLException;
}
