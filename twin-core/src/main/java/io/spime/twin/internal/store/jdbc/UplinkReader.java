package io.spime.twin.internal.store.jdbc;

import io.spime.twin.EventId;
import io.spime.twin.exceptions.UnknownValueException;
import io.spime.twin.fleet.CarEvent;
import io.spime.twin.fleet.Connectivity;
import io.spime.twin.ingest.QuarantinedMessage;
import io.spime.twin.ingest.RefusedEvents;
import io.spime.twin.internal.json.TwinJson;
import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import io.spime.wire.StreamPosition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads car events, refused twin events, quarantined messages and connectivity of a vehicle. */
final class UplinkReader {
  private UplinkReader() {}

  @SuppressWarnings("unchecked")
  static List<CarEvent> carEvents(Connection c, long vehicleId, Instant from, int limit) throws SQLException {
    List<CarEvent> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT event_id, time_ms, category, priority, kind, attributes FROM car_events "
            + "WHERE vehicle_id = ? AND time_ms >= ? ORDER BY time_ms, event_id LIMIT ?")) {
      ps.setLong(1, vehicleId);
      ps.setLong(2, from.toEpochMilli());
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          Map<String, String> attributes =
              TwinJson.read(rs.getString(6), Map.class, "attributes of car event " + id);
          out.add(new CarEvent(id, Instant.ofEpochMilli(rs.getLong(2)), enumValue(DataCategory.class, rs.getString(3), id),
              enumValue(Priority.class, rs.getString(4), id), rs.getString(5), attributes));
        }
      }
    }
    return out;
  }

  static List<QuarantinedMessage> quarantined(Connection c, long vehicleId, int limit) throws SQLException {
    List<QuarantinedMessage> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT stream_id, seq, boot_id, topic, reason, payload, received_ms FROM quarantine "
            + "WHERE vehicle_id = ? ORDER BY id DESC LIMIT ?")) {
      ps.setLong(1, vehicleId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byte[] payload = rs.getBytes(6);
          out.add(new QuarantinedMessage(new StreamPosition(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
              rs.getString(4), rs.getString(5), payload == null ? new byte[0] : payload,
              Instant.ofEpochMilli(rs.getLong(7))));
        }
      }
    }
    return out;
  }

  static List<RefusedEvents> refused(Connection c, long vehicleId, int limit) throws SQLException {
    List<RefusedEvents> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT event_ids, reason, refused_ms FROM refused_twin_events WHERE vehicle_id = ? ORDER BY id DESC LIMIT ?")) {
      ps.setLong(1, vehicleId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String ids = rs.getString(1);
          List<EventId> eventIds = ids.isEmpty()
              ? List.of()
              : Arrays.stream(ids.split(",")).map(EventId::parse).toList();
          out.add(new RefusedEvents(eventIds, rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
        }
      }
    }
    return out;
  }

  static Optional<Connectivity> connectivity(Connection c, long vehicleId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT online, online_since_ms, status_boot_id, status_ms, last_seen_ms FROM vehicles WHERE vehicle_id = ?")) {
      ps.setLong(1, vehicleId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getObject(1) == null) {
          return Optional.empty();
        }
        long lastSeen = rs.getLong(4);
        long message = rs.getLong(5);
        if (!rs.wasNull()) {
          lastSeen = Math.max(lastSeen, message);
        }
        return Optional.of(new Connectivity(rs.getInt(1) != 0, Instant.ofEpochMilli(rs.getLong(2)), rs.getLong(3),
            Optional.of(Instant.ofEpochMilli(lastSeen))));
      }
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String eventId) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new UnknownValueException("car event " + eventId + " has " + type.getSimpleName() + " '" + name
          + "', which this version of spime does not know");
    }
  }
}
