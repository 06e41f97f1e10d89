package io.spime.twin.internal.store.jdbc;

import io.spime.wire.telemetry.SignalValue;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Stores a signal value as (kind, num, txt): N number, B boolean (num 0 or 1), T text. */
final class SignalValues {
  private SignalValues() {}

  static void bind(PreparedStatement ps, int kindIndex, SignalValue value) throws SQLException {
    if (value instanceof SignalValue.Number) {
      ps.setString(kindIndex, "N");
      ps.setDouble(kindIndex + 1, ((SignalValue.Number) value).value());
      ps.setNull(kindIndex + 2, Types.VARCHAR);
    } else if (value instanceof SignalValue.Bool) {
      ps.setString(kindIndex, "B");
      ps.setDouble(kindIndex + 1, ((SignalValue.Bool) value).value() ? 1 : 0);
      ps.setNull(kindIndex + 2, Types.VARCHAR);
    } else {
      ps.setString(kindIndex, "T");
      ps.setNull(kindIndex + 1, Types.DOUBLE);
      ps.setString(kindIndex + 2, ((SignalValue.Text) value).value());
    }
  }

  static SignalValue read(ResultSet rs, int kindIndex) throws SQLException {
    String kind = rs.getString(kindIndex);
    switch (kind) {
      case "N":
        return SignalValue.of(rs.getDouble(kindIndex + 1));
      case "B":
        return SignalValue.of(rs.getDouble(kindIndex + 1) != 0);
      case "T":
        return SignalValue.of(rs.getString(kindIndex + 2));
      default:
        throw new SQLException("unknown signal value kind '" + kind + "' in signal_latest");
    }
  }
}
