package io.spime.twin.internal.store.postgres;

import io.spime.twin.internal.store.jdbc.BatchedSignalUpserts;
import io.spime.twin.internal.store.jdbc.SignalUpserts;
import io.spime.wire.telemetry.SignalValue;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The signal upserts by COPY: the rows go into temporary staging tables of the session, then one
 * {@code INSERT … SELECT … ON CONFLICT} per table moves them and the stages are emptied, so a second
 * write in the same transaction never moves the first one's rows again (commit and rollback empty them
 * too). A connection
 * that is not pgjdbc's falls back to JDBC batches.
 */
enum CopySignalUpserts implements SignalUpserts {
  INSTANCE;

  private static final String LATEST_STAGE = "spime_signal_latest_stage";
  private static final String DAILY_STAGE = "spime_signal_daily_stage";
  private static final String STAGES = "CREATE TEMP TABLE IF NOT EXISTS " + LATEST_STAGE
      + " (LIKE signal_latest) ON COMMIT DELETE ROWS; CREATE TEMP TABLE IF NOT EXISTS " + DAILY_STAGE
      + " (LIKE signal_daily) ON COMMIT DELETE ROWS";

  @Override
  public void write(Connection c, List<Latest> latest, List<Daily> daily) throws SQLException {
    if (latest.isEmpty() && daily.isEmpty()) {
      return;
    }
    if (!c.isWrapperFor(PGConnection.class)) {
      BatchedSignalUpserts.INSTANCE.write(c, latest, daily);
      return;
    }
    try (Statement st = c.createStatement()) {
      st.execute(STAGES);
    }
    StringBuilder rows = new StringBuilder();
    for (Latest l : latest) {
      rows.append(l.vehicleId()).append('\t').append(l.signalId()).append('\t').append(l.timeMillis()).append('\t');
      value(rows, l.value());
    }
    copy(c, LATEST_STAGE, rows);
    rows.setLength(0);
    for (Daily d : daily) {
      rows.append(d.vehicleId()).append('\t').append(d.signalId()).append('\t').append(d.day()).append('\t')
          .append(d.min()).append('\t').append(d.max()).append('\t').append(d.sum()).append('\t').append(d.count())
          .append('\n');
    }
    copy(c, DAILY_STAGE, rows);
    try (Statement st = c.createStatement()) {
      st.execute("INSERT INTO " + LATEST_COLUMNS + " SELECT * FROM " + LATEST_STAGE + " " + LATEST_CONFLICT + "; "
          + "INSERT INTO " + DAILY_COLUMNS + " SELECT * FROM " + DAILY_STAGE + " " + DAILY_CONFLICT + "; "
          + "DELETE FROM " + LATEST_STAGE + "; DELETE FROM " + DAILY_STAGE);
    }
  }

  /** kind, num, txt as {@code SignalValues} stores them, in COPY's text format. */
  private static void value(StringBuilder rows, SignalValue value) {
    if (value instanceof SignalValue.Number) {
      rows.append("N\t").append(((SignalValue.Number) value).value()).append("\t\\N\n");
    } else if (value instanceof SignalValue.Bool) {
      rows.append("B\t").append(((SignalValue.Bool) value).value() ? "1" : "0").append("\t\\N\n");
    } else {
      rows.append("T\t\\N\t");
      escape(rows, ((SignalValue.Text) value).value());
      rows.append('\n');
    }
  }

  private static void escape(StringBuilder rows, String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '\\' -> rows.append("\\\\");
        case '\t' -> rows.append("\\t");
        case '\n' -> rows.append("\\n");
        case '\r' -> rows.append("\\r");
        default -> rows.append(ch);
      }
    }
  }

  private static void copy(Connection c, String table, StringBuilder rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try {
      c.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
    }
  }
}
