package io.spime.twin.internal.store.sqlite;

import io.spime.twin.StreamProgress;
import io.spime.twin.TelemetryApplyResult;
import io.spime.wire.Sample;
import io.spime.wire.SignalValue;
import io.spime.wire.TelemetryBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies telemetry batches inside one write transaction: dedupes by stream seq, folds the applied
 * samples into latest values and daily rollups in memory, then writes each row once.
 */
final class TelemetryWriter {
  static final long DAY_MILLIS = 86_400_000L;
  static final int STATE_OF_HEALTH_SIGNAL = 7;

  private final Set<Integer> trendSignals;

  TelemetryWriter(Set<Integer> trendSignals) {
    this.trendSignals = Set.copyOf(trendSignals);
  }

  private record StreamKey(long vehicleId, long streamId) {}

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

  private static final class VehicleDelta {
    long samples;
    long lastSeen = Long.MIN_VALUE;
    long lastStream;
  }

  TelemetryApplyResult apply(StatementCache sql, VehicleIds.Pending ids, List<TelemetryBatch> batches)
      throws SQLException {
    Connection c = sql.connection();
    Objects.requireNonNull(batches, "batches");
    Map<StreamKey, Long> durable = new HashMap<>();
    Map<StreamKey, StreamProgress> progress = new LinkedHashMap<>();
    Map<StreamKey, Long> advanced = new LinkedHashMap<>();
    Map<SignalKey, Sample> latest = new HashMap<>();
    Map<DayKey, Rollup> rollups = new HashMap<>();
    Map<Long, VehicleDelta> vehicles = new LinkedHashMap<>();
    int applied = 0;
    int duplicates = 0;
    int gaps = 0;
    int samples = 0;
    for (TelemetryBatch batch : batches) {
      Objects.requireNonNull(batch, "batch");
      long vehicleId = ids.getOrCreate(c, batch.vin());
      StreamKey key = new StreamKey(vehicleId, batch.position().streamId());
      Long known = durable.get(key);
      long current = known != null ? known : durableSeq(c, key);
      long seq = batch.position().seq();
      if (seq <= current) {
        duplicates++;
      } else if (seq == current + 1) {
        current = seq;
        durable.put(key, current);
        advanced.put(key, current);
        applied++;
        samples += batch.samples().size();
        fold(vehicleId, batch, latest, rollups, vehicles.computeIfAbsent(vehicleId, id -> new VehicleDelta()));
      } else {
        gaps++;
      }
      durable.putIfAbsent(key, current);
      progress.put(key, new StreamProgress(batch.vin(), key.streamId(), current));
    }
    writeStreams(c, advanced);
    writeLatest(c, latest);
    for (Map.Entry<SignalKey, Sample> e : latest.entrySet()) {
      Sample s = e.getValue();
      if (s.signalId() == STATE_OF_HEALTH_SIGNAL && s.value() instanceof SignalValue.Number) {
        QueryRows.updateSoh(sql, e.getKey().vehicleId(), ((SignalValue.Number) s.value()).value(), s.timeMillis());
      }
    }
    writeRollups(c, rollups);
    writeVehicles(c, vehicles);
    return new TelemetryApplyResult(new ArrayList<>(progress.values()), applied, duplicates, gaps, samples);
  }

  private void fold(
      long vehicleId,
      TelemetryBatch batch,
      Map<SignalKey, Sample> latest,
      Map<DayKey, Rollup> rollups,
      VehicleDelta delta) {
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
      delta.lastSeen = Math.max(delta.lastSeen, s.timeMillis());
    }
    delta.samples += batch.samples().size();
    delta.lastStream = batch.position().streamId();
  }

  private static long durableSeq(Connection c, StreamKey key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT durable_seq FROM telemetry_streams WHERE vehicle_id = ? AND stream_id = ?")) {
      ps.setLong(1, key.vehicleId());
      ps.setLong(2, key.streamId());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    }
  }

  private static void writeStreams(Connection c, Map<StreamKey, Long> advanced) throws SQLException {
    if (advanced.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO telemetry_streams (vehicle_id, stream_id, durable_seq) VALUES (?, ?, ?) "
                + "ON CONFLICT (vehicle_id, stream_id) DO UPDATE SET durable_seq = excluded.durable_seq")) {
      for (Map.Entry<StreamKey, Long> e : advanced.entrySet()) {
        ps.setLong(1, e.getKey().vehicleId());
        ps.setLong(2, e.getKey().streamId());
        ps.setLong(3, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
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

  private static void writeVehicles(Connection c, Map<Long, VehicleDelta> vehicles) throws SQLException {
    if (vehicles.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE vehicles SET samples_applied = samples_applied + ?, "
                + "last_seen_ms = CASE WHEN last_seen_ms IS NULL OR last_seen_ms < ? THEN ? ELSE last_seen_ms END, "
                + "last_stream_id = ? WHERE vehicle_id = ?")) {
      for (Map.Entry<Long, VehicleDelta> e : vehicles.entrySet()) {
        VehicleDelta d = e.getValue();
        ps.setLong(1, d.samples);
        ps.setLong(2, d.lastSeen);
        ps.setLong(3, d.lastSeen);
        ps.setLong(4, d.lastStream);
        ps.setLong(5, e.getKey());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
