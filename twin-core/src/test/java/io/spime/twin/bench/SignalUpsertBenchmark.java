package io.spime.twin.bench;

import io.spime.twin.TwinStoreOptions;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.twin.internal.store.jdbc.SignalUpserts;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;

/**
 * The two telemetry upserts alone ({@code signal_latest}, {@code signal_daily}) of a group of 500
 * messages, on the schema the store migrated, in one transaction each: a JDBC batch sent row by row, the
 * same batch rewritten by the driver into multi-row inserts, and COPY into temporary staging tables
 * followed by one {@code INSERT … SELECT … ON CONFLICT} per table. The rows are folded as the store
 * folds them: one per car and signal, one per car, trend signal and day. Milliseconds per group. The
 * store's own writes since measured here: COPY ({@code CopySignalUpserts}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class SignalUpsertBenchmark {
  private static final String LATEST_SET = SignalUpserts.LATEST_CONFLICT;
  private static final String DAILY_SET = SignalUpserts.DAILY_CONFLICT;
  private static final String LATEST_COLUMNS = SignalUpserts.LATEST_COLUMNS;
  private static final String DAILY_COLUMNS = SignalUpserts.DAILY_COLUMNS;

  @Param({"batched", "rewritten", "copy"})
  public String way;

  private BenchStore bench;
  private Connection c;
  private TelemetryGroups groups;
  private final Map<String, Long> vehicleIds = new HashMap<>();

  private record Key(long vehicleId, int signalId, long day) {}

  @Setup(Level.Trial)
  public void open() throws SQLException, IOException {
    bench = BenchStore.open("postgres", "");
    groups = new TelemetryGroups(UplinkApplyBenchmark.CARS);
    bench.store().applyUplink(groups.next(UplinkApplyBenchmark.CARS));
    c = DriverManager.getConnection(bench.schema().orElseThrow().url() + "&reWriteBatchedInserts="
        + way.equals("rewritten"));
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT vin, vehicle_id FROM vehicles")) {
      while (rs.next()) {
        vehicleIds.put(rs.getString(1), rs.getLong(2));
      }
      st.execute("CREATE TEMP TABLE stage_latest (LIKE signal_latest) ON COMMIT DELETE ROWS");
      st.execute("CREATE TEMP TABLE stage_daily (LIKE signal_daily) ON COMMIT DELETE ROWS");
    }
    c.setAutoCommit(false);
  }

  @Benchmark
  public int upsertGroupOf500() throws Exception {
    Map<Key, Sample> latest = new HashMap<>();
    Map<Key, double[]> daily = new HashMap<>();
    fold(groups.next(UplinkApplyBenchmark.GROUP), latest, daily);
    if (way.equals("copy")) {
      copy(latest, daily);
    } else {
      batch(latest, daily);
    }
    c.commit();
    return latest.size() + daily.size();
  }

  private void fold(List<UplinkMessage> group, Map<Key, Sample> latest, Map<Key, double[]> daily) {
    for (UplinkMessage m : group) {
      UplinkMessage.Telemetry t = (UplinkMessage.Telemetry) m;
      long vehicleId = vehicleIds.get(t.batch().vin().toString());
      for (Sample s : t.batch().samples()) {
        latest.merge(new Key(vehicleId, s.signalId(), 0), s, (a, b) -> b.timeMillis() >= a.timeMillis() ? b : a);
        if (TwinStoreOptions.DEFAULT_TREND_SIGNALS.contains(s.signalId())) {
          double v = ((SignalValue.Number) s.value()).value();
          double[] r = daily.computeIfAbsent(new Key(vehicleId, s.signalId(), s.timeMillis() / 86_400_000L),
              k -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0});
          r[0] = Math.min(r[0], v);
          r[1] = Math.max(r[1], v);
          r[2] += v;
          r[3]++;
        }
      }
    }
  }

  private void batch(Map<Key, Sample> latest, Map<Key, double[]> daily) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + LATEST_COLUMNS + " VALUES (?, ?, ?, 'N', ?, NULL) "
        + LATEST_SET)) {
      for (Map.Entry<Key, Sample> e : latest.entrySet()) {
        ps.setLong(1, e.getKey().vehicleId());
        ps.setInt(2, e.getKey().signalId());
        ps.setLong(3, e.getValue().timeMillis());
        ps.setDouble(4, ((SignalValue.Number) e.getValue().value()).value());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + DAILY_COLUMNS + " VALUES (?, ?, ?, ?, ?, ?, ?) "
        + DAILY_SET)) {
      for (Map.Entry<Key, double[]> e : daily.entrySet()) {
        ps.setLong(1, e.getKey().vehicleId());
        ps.setInt(2, e.getKey().signalId());
        ps.setLong(3, e.getKey().day());
        for (int i = 0; i < 3; i++) {
          ps.setDouble(4 + i, e.getValue()[i]);
        }
        ps.setLong(7, (long) e.getValue()[3]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void copy(Map<Key, Sample> latest, Map<Key, double[]> daily) throws Exception {
    StringBuilder rows = new StringBuilder();
    for (Map.Entry<Key, Sample> e : latest.entrySet()) {
      rows.append(e.getKey().vehicleId()).append('\t').append(e.getKey().signalId()).append('\t')
          .append(e.getValue().timeMillis()).append("\tN\t").append(((SignalValue.Number) e.getValue().value()).value())
          .append("\t\\N\n");
    }
    stage("stage_latest", rows);
    rows.setLength(0);
    for (Map.Entry<Key, double[]> e : daily.entrySet()) {
      double[] r = e.getValue();
      rows.append(e.getKey().vehicleId()).append('\t').append(e.getKey().signalId()).append('\t')
          .append(e.getKey().day()).append('\t').append(r[0]).append('\t').append(r[1]).append('\t').append(r[2])
          .append('\t').append((long) r[3]).append('\n');
    }
    stage("stage_daily", rows);
    try (Statement st = c.createStatement()) {
      st.execute("INSERT INTO " + LATEST_COLUMNS + " SELECT * FROM stage_latest " + LATEST_SET);
      st.execute("INSERT INTO " + DAILY_COLUMNS + " SELECT * FROM stage_daily " + DAILY_SET);
    }
  }

  private void stage(String table, StringBuilder rows) throws Exception {
    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN", new java.io.StringReader(
        rows.toString()));
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    c.close();
    bench.close();
  }
}
