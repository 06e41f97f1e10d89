package io.spime.twin.internal.store.jdbc;

import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the applied telemetry batches of one write transaction into latest values and daily rollups
 * in memory, then writes each row once through the dialect's {@link SignalUpserts}; {@link UplinkWriter}
 * decides which batches are applied.
 */
final class TelemetryWriter {
  static final long DAY_MILLIS = 86_400_000L;
  static final int STATE_OF_HEALTH_SIGNAL = 7;

  private final Set<Integer> trendSignals;
  private final SignalUpserts upserts;

  TelemetryWriter(Set<Integer> trendSignals, SignalUpserts upserts) {
    this.trendSignals = Set.copyOf(trendSignals);
    this.upserts = upserts;
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
      List<SignalUpserts.Latest> latestRows = new ArrayList<>(latest.size());
      for (Map.Entry<SignalKey, Sample> e : latest.entrySet()) {
        Sample s = e.getValue();
        latestRows.add(new SignalUpserts.Latest(e.getKey().vehicleId(), s.signalId(), s.timeMillis(), s.value()));
      }
      List<SignalUpserts.Daily> dailyRows = new ArrayList<>(rollups.size());
      for (Map.Entry<DayKey, Rollup> e : rollups.entrySet()) {
        DayKey k = e.getKey();
        Rollup r = e.getValue();
        dailyRows.add(new SignalUpserts.Daily(k.vehicleId(), k.signalId(), k.day(), r.min, r.max, r.sum, r.count));
      }
      upserts.write(sql.connection(), latestRows, dailyRows);
      PreparedStatement soh = sql.get(QueryRows.UPDATE_SOH);
      boolean any = false;
      for (SignalUpserts.Latest l : latestRows) {
        if (l.signalId() == STATE_OF_HEALTH_SIGNAL && l.value() instanceof SignalValue.Number) {
          QueryRows.bindSoh(soh, l.vehicleId(), ((SignalValue.Number) l.value()).value(), l.timeMillis());
          soh.addBatch();
          any = true;
        }
      }
      if (any) {
        soh.executeBatch();
      }
    }
  }

  Fold begin() {
    return new Fold();
  }
}
