package io.spime.twin.internal.store.jdbc;

import io.spime.twin.fleet.DailyRollup;
import io.spime.twin.fleet.SignalReading;
import io.spime.twin.ingest.StreamProgress;
import io.spime.wire.AssetId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads latest signal values and daily rollups of a vehicle. */
final class TelemetryReader {
  private TelemetryReader() {}

  static Map<Integer, SignalReading> latest(Connection c, long vehicleId) throws SQLException {
    Map<Integer, SignalReading> out = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT signal_id, time_ms, kind, num, txt FROM signal_latest WHERE vehicle_id = ?")) {
      ps.setLong(1, vehicleId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int signal = rs.getInt(1);
          out.put(signal, new SignalReading(signal, rs.getLong(2), SignalValues.read(rs, 3)));
        }
      }
    }
    return out;
  }

  static List<DailyRollup> rollups(Connection c, long vehicleId, int signalId, long fromDay, long toDay)
      throws SQLException {
    List<DailyRollup> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT day, min_value, max_value, sum_value, sample_count FROM signal_daily "
            + "WHERE vehicle_id = ? AND signal_id = ? AND day >= ? AND day <= ? ORDER BY day")) {
      ps.setLong(1, vehicleId);
      ps.setInt(2, signalId);
      ps.setLong(3, fromDay);
      ps.setLong(4, toDay);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long count = rs.getLong(5);
          out.add(new DailyRollup(signalId, LocalDate.ofEpochDay(rs.getLong(1)), rs.getDouble(2), rs.getDouble(3),
              rs.getDouble(4) / count, count));
        }
      }
    }
    return out;
  }

  static long samplesApplied(Connection c, AssetId vin) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT samples_applied FROM vehicles WHERE vin = ?")) {
      ps.setString(1, vin.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    }
  }

  /** The durable seq of the stream the vehicle's last applied uplink message came on. */
  static Optional<StreamProgress> streamProgress(Connection c, AssetId vin) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT s.stream_id, s.durable_seq FROM vehicles v JOIN telemetry_streams s "
            + "ON s.vehicle_id = v.vehicle_id AND s.stream_id = v.last_stream_id WHERE v.vin = ?")) {
      ps.setString(1, vin.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new StreamProgress(vin, rs.getLong(1), rs.getLong(2))) : Optional.empty();
      }
    }
  }
}
