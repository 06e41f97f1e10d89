package io.spime.twin.internal.store.sqlite;

import io.spime.twin.SignalReading;
import io.spime.twin.StreamProgress;
import io.spime.twin.TelemetryApplyResult;
import io.spime.twin.TwinStore;
import io.spime.wire.TelemetryBatch;
import io.spime.wire.Vin;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The SQLite twin store. */
public final class SqliteTwinStore implements TwinStore {
  private final SqliteDatabase db;
  private final VehicleIds ids = new VehicleIds();
  private final TelemetryWriter telemetry;

  private SqliteTwinStore(SqliteDatabase db, TelemetryWriter telemetry) {
    this.db = db;
    this.telemetry = telemetry;
  }

  public static SqliteTwinStore open(Path file) {
    return new SqliteTwinStore(
        SqliteDatabase.open(file, "FULL"), new TelemetryWriter(java.util.Set.of(2, 7, 8, 9)));
  }

  @Override
  public TelemetryApplyResult applyTelemetry(List<TelemetryBatch> batches) {
    Objects.requireNonNull(batches, "batches");
    VehicleIds.Pending pending = ids.begin();
    TelemetryApplyResult result =
        db.write(
            "applying " + batches.size() + " telemetry batches",
            c -> telemetry.apply(c, pending, batches));
    pending.publish();
    return result;
  }

  @Override
  public Map<Integer, SignalReading> latestSignals(Vin vin) {
    Objects.requireNonNull(vin, "vin");
    return db.read(
        "reading the latest signals of " + vin,
        c -> {
          Map<Integer, SignalReading> out = new TreeMap<>();
          Optional<Long> id = ids.find(c, vin);
          if (id.isEmpty()) {
            return out;
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT signal_id, time_ms, kind, num, txt FROM signal_latest WHERE vehicle_id = ?")) {
            ps.setLong(1, id.get());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                int signal = rs.getInt(1);
                out.put(signal, new SignalReading(signal, rs.getLong(2), SignalValues.read(rs, 3)));
              }
            }
          }
          return out;
        });
  }

  @Override
  public long samplesApplied(Vin vin) {
    Objects.requireNonNull(vin, "vin");
    return db.read(
        "reading the sample count of " + vin,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT samples_applied FROM vehicles WHERE vin = ?")) {
            ps.setString(1, vin.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getLong(1) : 0L;
            }
          }
        });
  }

  @Override
  public Optional<StreamProgress> streamProgress(Vin vin) {
    Objects.requireNonNull(vin, "vin");
    return db.read(
        "reading the stream progress of " + vin,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT s.stream_id, s.durable_seq FROM vehicles v JOIN telemetry_streams s "
                      + "ON s.vehicle_id = v.vehicle_id AND s.stream_id = v.last_stream_id WHERE v.vin = ?")) {
            ps.setString(1, vin.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new StreamProgress(vin, rs.getLong(1), rs.getLong(2)))
                  : Optional.<StreamProgress>empty();
            }
          }
        });
  }

  @Override
  public void close() {
    db.close();
  }
}
