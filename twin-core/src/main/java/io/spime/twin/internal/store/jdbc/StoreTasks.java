package io.spime.twin.internal.store.jdbc;

import io.spime.twin.Twin;
import io.spime.twin.event.TouchpointRecorded;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.experience.Touchpoint;
import io.spime.twin.internal.experience.LegacyTouchpoints;
import io.spime.twin.internal.json.TwinJson;
import io.spime.wire.AssetId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One-off tasks a migration leaves in {@code store_tasks} for the store to run with its own code when
 * it opens: the task's row is deleted first, so of two processes opening at once one runs it and the
 * other waits for its commit and finds nothing to do.
 */
final class StoreTasks {
  /** Indexes what a store held before schema version 6: agreements' renewal rows, touchpoint events. */
  static final String INDEX_EXPERIENCE = "index-agreements-and-touchpoints";

  private StoreTasks() {}

  static boolean pending(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM store_tasks WHERE task = ?")) {
      ps.setString(1, INDEX_EXPERIENCE);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Runs the task if it is still pending; the number of cars and touchpoints indexed. */
  static int indexExperience(StatementCache sql) throws SQLException {
    Connection c = sql.connection();
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM store_tasks WHERE task = ?")) {
      ps.setString(1, INDEX_EXPERIENCE);
      if (ps.executeUpdate() == 0) {
        return 0;
      }
    }
    Map<Long, AssetId> cars = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT a.vehicle_id, v.vin FROM agreement_ends a "
        + "JOIN vehicles v ON v.vehicle_id = a.vehicle_id ORDER BY a.vehicle_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        cars.put(rs.getLong(1), AssetId.parseLenient(rs.getString(2)));
      }
    }
    for (Map.Entry<Long, AssetId> car : cars.entrySet()) {
      Twin head = JournalReader.head(c, car.getKey(), car.getValue());
      QueryRows.rewrite(sql, car.getKey(), head);
    }
    int touchpoints = 0;
    try (PreparedStatement ps = c.prepareStatement("SELECT v.vin, j.event_id, j.occurred_ms, j.body FROM journal j "
        + "JOIN vehicles v ON v.vehicle_id = j.vehicle_id WHERE j.type = ? AND j.subject IS NOT NULL");
        PreparedStatement insert = c.prepareStatement(Touchpoints.INSERT_IF_NEW)) {
      ps.setString(1, TwinJson.typeName(TouchpointRecorded.class));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          TwinEvent event = TwinJson.read(rs.getString(4), TwinEvent.class, "a touchpoint event");
          Optional<Touchpoint> t = LegacyTouchpoints.of(EventIds.of(rs.getBytes(2)), AssetId.parseLenient(rs.getString(1)),
              Instant.ofEpochMilli(rs.getLong(3)), (TouchpointRecorded) event);
          if (t.isPresent()) {
            Touchpoints.bind(insert, t.get());
            insert.addBatch();
            touchpoints++;
          }
        }
      }
      insert.executeBatch();
    }
    return cars.size() + touchpoints;
  }
}
