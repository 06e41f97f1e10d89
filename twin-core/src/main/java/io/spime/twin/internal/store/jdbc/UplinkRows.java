package io.spime.twin.internal.store.jdbc;

import io.spime.twin.PendingEvent;
import io.spime.twin.fleet.CarEvent;
import io.spime.twin.ingest.StatusReport;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.twin.internal.json.TwinJson;
import io.spime.wire.StreamPosition;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Writes what the uplink keeps besides telemetry and the journal: car events, refusals, quarantine, status. */
final class UplinkRows {
  private UplinkRows() {}

  /** Event ids one lookup statement takes; fewer are padded with the first, so the SQL is one. */
  private static final int ID_CHUNK = 16;
  private static final String STORED_IDS = "SELECT event_id FROM car_events WHERE vehicle_id = ? AND event_id IN ("
      + String.join(", ", Collections.nCopies(ID_CHUNK, "?")) + ")";

  /**
   * Stores car events whose ids the vehicle has not yet, each id once; returns how many were new. The
   * count comes from a lookup, not from the batch's update counts, which a driver that rewrites batches
   * into multi-row inserts does not report.
   */
  static int carEvents(StatementCache sql, long vehicleId, List<CarEvent> events, long receivedMs)
      throws SQLException {
    if (events.isEmpty()) {
      return 0;
    }
    Map<String, CarEvent> fresh = new LinkedHashMap<>();
    for (CarEvent e : events) {
      fresh.putIfAbsent(e.eventId(), e);
    }
    fresh.keySet().removeAll(storedIds(sql, vehicleId, new ArrayList<>(fresh.keySet())));
    if (fresh.isEmpty()) {
      return 0;
    }
    PreparedStatement ps = sql.get(
        "INSERT INTO car_events (vehicle_id, event_id, time_ms, category, priority, kind, attributes, received_ms) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (vehicle_id, event_id) DO NOTHING");
    for (CarEvent e : fresh.values()) {
      ps.setLong(1, vehicleId);
      ps.setString(2, e.eventId());
      ps.setLong(3, e.time().toEpochMilli());
      ps.setString(4, e.category().name());
      ps.setString(5, e.priority().name());
      ps.setString(6, e.kind());
      ps.setString(7, TwinJson.write(new TreeMap<>(e.attributes())));
      ps.setLong(8, receivedMs);
      ps.addBatch();
    }
    ps.executeBatch();
    return fresh.size();
  }

  /** Those of the ids the vehicle's car events hold already, a statement per {@value #ID_CHUNK}. */
  private static Set<String> storedIds(StatementCache sql, long vehicleId, List<String> ids) throws SQLException {
    Set<String> stored = new HashSet<>();
    for (int from = 0; from < ids.size(); from += ID_CHUNK) {
      PreparedStatement ps = sql.get(STORED_IDS);
      ps.setLong(1, vehicleId);
      for (int i = 0; i < ID_CHUNK; i++) {
        ps.setString(i + 2, ids.get(from + i < ids.size() ? from + i : from));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stored.add(rs.getString(1));
        }
      }
    }
    return stored;
  }

  static void refusal(StatementCache sql, long vehicleId, StreamPosition position, List<PendingEvent> events,
      String reason, long refusedMs) throws SQLException {
    PreparedStatement ps = sql.get(
        "INSERT INTO refused_twin_events (vehicle_id, stream_id, seq, event_ids, reason, refused_ms) "
            + "VALUES (?, ?, ?, ?, ?, ?)");
    ps.setLong(1, vehicleId);
    ps.setLong(2, position.streamId());
    ps.setLong(3, position.seq());
    ps.setString(4, events.stream().map(p -> p.id().toString()).collect(Collectors.joining(",")));
    ps.setString(5, reason);
    ps.setLong(6, refusedMs);
    ps.executeUpdate();
  }

  static void quarantine(StatementCache sql, long vehicleId, UplinkMessage.Quarantined m, long receivedMs)
      throws SQLException {
    PreparedStatement ps = sql.get(
        "INSERT INTO quarantine (vehicle_id, stream_id, seq, boot_id, topic, reason, payload, received_ms) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    ps.setLong(1, vehicleId);
    ps.setLong(2, m.position().streamId());
    ps.setLong(3, m.position().seq());
    ps.setLong(4, m.position().bootId());
    ps.setString(5, m.topic());
    ps.setString(6, m.reason());
    ps.setBytes(7, m.payload());
    ps.setLong(8, receivedMs);
    ps.executeUpdate();
  }

  /** Records {@code statuses} in list order by the rule below, the cars' rows locked first in VIN order. */
  static void connectivity(StatementCache sql, VehicleIds.Pending pending, List<StatusReport> statuses)
      throws SQLException {
    pending.lockAll(sql.connection(), statuses.stream().map(StatusReport::vin).toList());
    for (StatusReport s : statuses) {
      connectivity(sql, pending.getOrCreate(sql.connection(), s.vin()), s.online(), s.at().toEpochMilli(),
          s.bootId());
    }
  }

  /**
   * Keeps the status if it wins over the stored one (see {@code TwinStore.recordConnectivity}): an
   * offline status of the boot stored as online always wins; otherwise only a newer one does.
   */
  static void connectivity(StatementCache sql, long vehicleId, boolean online, long atMs, long bootId)
      throws SQLException {
    PreparedStatement read = sql.get(
        "SELECT online, online_since_ms, status_ms, status_boot_id FROM vehicles WHERE vehicle_id = ?");
    read.setLong(1, vehicleId);
    long since = atMs;
    long statusMs = atMs;
    try (ResultSet rs = read.executeQuery()) {
      if (rs.next() && rs.getObject(1) != null) {
        boolean storedOnline = rs.getInt(1) != 0;
        long storedSince = rs.getLong(2);
        long storedAt = rs.getLong(3);
        long storedBoot = rs.getLong(4);
        if (storedBoot == bootId && storedOnline && !online) {
          since = Math.max(atMs, storedSince);
          statusMs = Math.max(atMs, storedAt);
        } else if (atMs <= storedAt) {
          return;
        }
      }
    }
    PreparedStatement ps = sql.get(
        "UPDATE vehicles SET online = ?, online_since_ms = ?, status_ms = ?, status_boot_id = ? WHERE vehicle_id = ?");
    ps.setInt(1, online ? 1 : 0);
    ps.setLong(2, since);
    ps.setLong(3, statusMs);
    ps.setLong(4, bootId);
    ps.setLong(5, vehicleId);
    ps.executeUpdate();
  }
}
