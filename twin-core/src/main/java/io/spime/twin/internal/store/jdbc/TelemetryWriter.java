package io.spime.twin.internal.store.jdbc;

import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Folds the applied telemetry batches of one write transaction into latest values and daily rollups
 * in memory, then writes each row once; {@link UplinkWriter} decides which batches are applied.
 */
final class TelemetryWriter {
  static final long DAY_MILLIS = 86_400_000L;
  static final int STATE_OF_HEALTH_SIGNAL = 7;

  private final Set<Integer> trendSignals;

  TelemetryWriter(Set<Integer> trendSignals) {
    this.trendSignals = Set.copyOf(trendSignals);
  }

  private record SignalKey(long vehicleId, int signalId) {}

  private record DayKey(long vehicleId, int signalId, long day) {}

  private static final class Rollup {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum;
    long count;

    void add(double v) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
      count++;
    }
  }

  /** One transaction's applied telemetry, folded in memory and written once by {@link #write}. */
  final class Fold {
    private final Map<SignalKey, Sample> latest = new HashMap<>();
    private final Map<DayKey, Rollup> rollups = new HashMap<>();

    /** Folds an applied batch into latest values and rollups; returns its newest sample time. */
    long add(long vehicleId, TelemetryBatch batch) {
      long newest = Long.MIN_VALUE;
      for (Sample s : batch.samples()) {
        SignalKey sk = new SignalKey(vehicleId, s.signalId());
        Sample before = latest.get(sk);
        if (before == null || s.timeMillis() >= before.timeMillis()) {
          latest.put(sk, s);
        }
        if (trendSignals.contains(s.signalId()) && s.value() instanceof SignalValue.Number) {
          double v = ((SignalValue.Number) s.value()).value();
          DayKey dk = new DayKey(vehicleId, s.signalId(), Math.floorDiv(s.timeMillis(), DAY_MILLIS));
          rollups.computeIfAbsent(dk, k -> new Rollup()).add(v);
        }
        newest = Math.max(newest, s.timeMillis());
      }
      return newest;
    }

    void write(StatementCache sql) throws SQLException {
      Connection c = sql.connection();
      writeLatest(c, latest);
      for (Map.Entry<SignalKey, Sample> e : latest.entrySet()) {
        Sample s = e.getValue();
        if (s.signalId() == STATE_OF_HEALTH_SIGNAL && s.value() instanceof SignalValue.Number) {
          QueryRows.updateSoh(sql, e.getKey().vehicleId(), ((SignalValue.Number) s.value()).value(), s.timeMillis());
        }
      }
      writeRollups(c, rollups);
    }
  }

  Fold begin() {
    return new Fold();
  }

  private static void writeLatest(Connection c, Map<SignalKey, Sample> latest) throws SQLException {
    if (latest.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO signal_latest (vehicle_id, signal_id, time_ms, kind, num, txt) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (vehicle_id, signal_id) DO UPDATE SET time_ms = excluded.time_ms, "
                + "kind = excluded.kind, num = excluded.num, txt = excluded.txt "
                + "WHERE excluded.time_ms >= signal_latest.time_ms")) {
      for (Map.Entry<SignalKey, Sample> e : latest.entrySet()) {
        Sample s = e.getValue();
        ps.setLong(1, e.getKey().vehicleId());
        ps.setInt(2, s.signalId());
        ps.setLong(3, s.timeMillis());
        SignalValues.bind(ps, 4, s.value());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void writeRollups(Connection c, Map<DayKey, Rollup> rollups) throws SQLException {
    if (rollups.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO signal_daily (vehicle_id, signal_id, day, min_value, max_value, sum_value, sample_count) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (vehicle_id, signal_id, day) DO UPDATE SET "
                + "min_value = CASE WHEN excluded.min_value < signal_daily.min_value "
                + "THEN excluded.min_value ELSE signal_daily.min_value END, "
                + "max_value = CASE WHEN excluded.max_value > signal_daily.max_value "
                + "THEN excluded.max_value ELSE signal_daily.max_value END, "
                + "sum_value = signal_daily.sum_value + excluded.sum_value, "
                + "sample_count = signal_daily.sample_count + excluded.sample_count")) {
      for (Map.Entry<DayKey, Rollup> e : rollups.entrySet()) {
        DayKey k = e.getKey();
        Rollup r = e.getValue();
        ps.setLong(1, k.vehicleId());
        ps.setInt(2, k.signalId());
        ps.setLong(3, k.day());
        ps.setDouble(4, r.min);
        ps.setDouble(5, r.max);
        ps.setDouble(6, r.sum);
        ps.setLong(7, r.count);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
