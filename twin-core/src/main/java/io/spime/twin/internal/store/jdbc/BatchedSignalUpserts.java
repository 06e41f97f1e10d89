package io.spime.twin.internal.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** The signal upserts as a JDBC batch per table: what every dialect can run. */
public enum BatchedSignalUpserts implements SignalUpserts {
  INSTANCE;

  @Override
  public void write(Connection c, List<Latest> latest, List<Daily> daily) throws SQLException {
    if (!latest.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO " + LATEST_COLUMNS + " VALUES (?, ?, ?, ?, ?, ?) " + LATEST_CONFLICT)) {
        for (Latest l : latest) {
          ps.setLong(1, l.vehicleId());
          ps.setInt(2, l.signalId());
          ps.setLong(3, l.timeMillis());
          SignalValues.bind(ps, 4, l.value());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!daily.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO " + DAILY_COLUMNS + " VALUES (?, ?, ?, ?, ?, ?, ?) " + DAILY_CONFLICT)) {
        for (Daily d : daily) {
          ps.setLong(1, d.vehicleId());
          ps.setInt(2, d.signalId());
          ps.setLong(3, d.day());
          ps.setDouble(4, d.min());
          ps.setDouble(5, d.max());
          ps.setDouble(6, d.sum());
          ps.setLong(7, d.count());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }
}
