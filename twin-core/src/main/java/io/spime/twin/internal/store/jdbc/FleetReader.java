package io.spime.twin.internal.store.jdbc;

import io.spime.twin.fleet.FleetPage;
import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.fleet.VehicleSummary;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.AssetId;
import io.spime.wire.AssetKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs fleet queries one page at a time. */
final class FleetReader {
  private FleetReader() {}

  static FleetPage page(Connection c, FleetQuery q, PageRequest page) throws SQLException {
    FleetSql.Plan plan = FleetSql.plan(q, page.cursor().orElse(null), page.size() + 1);
    List<VehicleSummary> out = new ArrayList<>();
    List<Object> lastKey = null;
    try (PreparedStatement ps = c.prepareStatement(plan.sql())) {
      bind(ps, plan.params());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (out.size() == page.size()) {
            return new FleetPage(out, Optional.of(FleetSql.encode(q, lastKey)));
          }
          out.add(summary(rs));
          lastKey = new ArrayList<>();
          int first = 10;
          for (int i = 0; i < plan.keyTypes().size(); i++) {
            String type = plan.keyTypes().get(i);
            lastKey.add("long".equals(type) ? (Object) rs.getLong(first + i)
                : "double".equals(type) ? (Object) rs.getDouble(first + i) : rs.getString(first + i));
          }
        }
      }
    }
    return new FleetPage(out, Optional.empty());
  }

  /** The database's plan of the query's first page, one line per step. */
  static List<String> explain(Connection c, Dialect dialect, FleetQuery q) throws SQLException {
    FleetSql.Plan plan = FleetSql.plan(q, null, 10);
    List<String> lines = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(dialect.explain(plan.sql()))) {
      bind(ps, plan.params());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getMetaData().getColumnCount() == 1 ? rs.getString(1) : rs.getString("detail"));
        }
      }
    }
    return lines;
  }

  static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }

  private static VehicleSummary summary(ResultSet rs) throws SQLException {
    String phase = rs.getString(3);
    int year = rs.getInt(6);
    Optional<Integer> modelYear = rs.wasNull() ? Optional.empty() : Optional.of(year);
    double soh = rs.getDouble(7);
    Optional<Double> health = rs.wasNull() ? Optional.empty() : Optional.of(soh);
    long seen = rs.getLong(8);
    Optional<Instant> lastSeen = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(seen));
    return new VehicleSummary(
        AssetId.parseLenient(rs.getString(1)),
        rs.getLong(2),
        phase == null ? Optional.empty() : Optional.of(LifecyclePhase.valueOf(phase)),
        Optional.ofNullable(rs.getString(4)),
        Optional.ofNullable(rs.getString(5)),
        modelYear,
        health,
        lastSeen,
        AssetKind.valueOf(rs.getString(9)));
  }
}
