package io.spime.twin.internal.store.jdbc;

import io.spime.twin.Twin;
import io.spime.wire.AssetId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the current twins of a group of vehicles with one statement per {@value #CHUNK} of them,
 * where {@link JournalReader#head} takes two or three a vehicle; each twin is then made as that one
 * makes it ({@link JournalReader#fromHead}).
 */
final class GroupHeads {
  /** Vehicles per statement: well under SQLite's 32,766 bound parameters, and a short IN list. */
  static final int CHUNK = 500;

  private GroupHeads() {}

  /** The current twin of each vehicle id given, keyed by its VIN, in the order given. */
  static Map<AssetId, Twin> read(Connection c, Map<AssetId, Long> ids, ParsedHeads cache) throws SQLException {
    Map<AssetId, Twin> twins = new LinkedHashMap<>();
    List<Map.Entry<AssetId, Long>> all = new ArrayList<>(ids.entrySet());
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<Map.Entry<AssetId, Long>> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      Map<Long, Row> rows = rows(c, chunk);
      for (Map.Entry<AssetId, Long> vehicle : chunk) {
        Row row = rows.getOrDefault(vehicle.getValue(), new Row("", 0));
        twins.put(vehicle.getKey(),
            JournalReader.fromHead(c, vehicle.getValue(), vehicle.getKey(), row.body(), row.latest(), cache));
      }
    }
    return twins;
  }

  private record Row(String body, long latest) {}

  private static Map<Long, Row> rows(Connection c, List<Map.Entry<AssetId, Long>> chunk) throws SQLException {
    String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
    Map<Long, Row> rows = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT v.vehicle_id, h.body, "
        + "(SELECT MAX(j.revision) FROM journal j WHERE j.vehicle_id = v.vehicle_id) FROM vehicles v "
        + "LEFT JOIN twin_heads h ON h.vehicle_id = v.vehicle_id WHERE v.vehicle_id IN (" + marks + ")")) {
      for (int i = 0; i < chunk.size(); i++) {
        ps.setLong(i + 1, chunk.get(i).getValue());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String body = rs.getString(2);
          rows.put(rs.getLong(1), new Row(body == null ? "" : body, rs.getLong(3)));
        }
      }
    }
    return rows;
  }
}
