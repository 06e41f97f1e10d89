package io.spime.twin.internal.store.jdbc;

import io.spime.twin.Twin;
import io.spime.twin.TwinStoreOptions;
import io.spime.twin.custody.CustodyEpoch;
import io.spime.twin.custody.PartyId;
import io.spime.twin.customer.ErasureReport;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.internal.json.TwinJson;
import io.spime.twin.internal.model.TwinFolder;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Erases a data subject inside one write transaction and rebuilds the twins it touched. */
final class Erasure {
  private final TwinStoreOptions options;

  Erasure(TwinStoreOptions options) {
    this.options = options;
  }

  /** The result, with the rebuilt heads to publish after commit. */
  record Outcome(ErasureReport report, Map<Long, HeadCache.Head> heads) {}

  /** Erases, holding the locks of the subject's vehicles (where writers share the database) meanwhile. */
  Outcome erase(StatementCache sql, VehicleIds.Pending ids, PartyId subject) throws SQLException {
    Connection c = sql.connection();
    boolean customer = Customers.delete(c, subject);
    Touchpoints.delete(c, subject);
    JdbcOptIns.erase(c, subject);
    Map<Long, AssetId> vehicles = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT d.vehicle_id, v.vin FROM data_subjects d JOIN vehicles v ON v.vehicle_id = d.vehicle_id "
            + "WHERE d.subject = ? ORDER BY d.vehicle_id")) {
      ps.setString(1, subject.value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          vehicles.put(rs.getLong(1), AssetId.parseLenient(rs.getString(2)));
        }
      }
    }
    ids.lockAll(c, vehicles.values());
    int telemetry = 0;
    int carRecords = 0;
    for (Map.Entry<Long, AssetId> v : vehicles.entrySet()) {
      Twin head = JournalReader.head(c, v.getKey(), v.getValue());
      telemetry += deletePersonalSignals(c, v.getKey(), head, subject);
      carRecords += deleteCarRecords(c, v.getKey(), head, subject);
    }
    int redacted = 0;
    for (long vehicleId : vehicles.keySet()) {
      redacted += redactEvents(c, vehicleId, subject);
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM data_subjects WHERE subject = ?")) {
      ps.setString(1, subject.value());
      ps.executeUpdate();
    }
    Map<Long, HeadCache.Head> heads = new LinkedHashMap<>();
    for (Map.Entry<Long, AssetId> v : vehicles.entrySet()) {
      Twin rebuilt = rebuild(sql, v.getKey(), v.getValue());
      heads.put(v.getKey(), new HeadCache.Head(rebuilt, rebuilt.revision()));
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO erased_subjects (party, erased_ms) VALUES (?, ?) ON CONFLICT (party) DO UPDATE SET erased_ms = excluded.erased_ms")) {
      ps.setString(1, subject.value());
      ps.setLong(2, options.clock().millis());
      ps.executeUpdate();
    }
    return new Outcome(new ErasureReport(subject, customer, redacted, vehicles.size(), telemetry, carRecords), heads);
  }

  private static int deletePersonalSignals(Connection c, long vehicleId, Twin head, PartyId subject) throws SQLException {
    List<Integer> personal = new ArrayList<>();
    for (SignalDefinition s : SignalCatalog.builtIn().signals()) {
      if (s.category().isPersonal()) {
        personal.add(s.id());
      }
    }
    int deleted = 0;
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM signal_latest WHERE vehicle_id = ? AND signal_id = ? AND time_ms >= ? AND time_ms < ?")) {
      for (CustodyEpoch e : head.custody()) {
        if (!e.heldBy(subject)) {
          continue;
        }
        for (int signal : personal) {
          ps.setLong(1, vehicleId);
          ps.setInt(2, signal);
          ps.setLong(3, e.from().toEpochMilli());
          ps.setLong(4, e.until().map(java.time.Instant::toEpochMilli).orElse(Long.MAX_VALUE));
          deleted += ps.executeUpdate();
        }
      }
    }
    return deleted;
  }

  /** Car events of personal categories and quarantined raw messages from the subject's epochs. */
  private static int deleteCarRecords(Connection c, long vehicleId, Twin head, PartyId subject) throws SQLException {
    List<String> personal = new ArrayList<>();
    for (DataCategory category : DataCategory.values()) {
      if (category.isPersonal()) {
        personal.add("'" + category.name() + "'");
      }
    }
    int deleted = 0;
    try (PreparedStatement events = c.prepareStatement(
            "DELETE FROM car_events WHERE vehicle_id = ? AND time_ms >= ? AND time_ms < ? AND category IN ("
                + String.join(", ", personal) + ")");
        PreparedStatement quarantine = c.prepareStatement(
            "DELETE FROM quarantine WHERE vehicle_id = ? AND received_ms >= ? AND received_ms < ?")) {
      for (CustodyEpoch e : head.custody()) {
        if (!e.heldBy(subject)) {
          continue;
        }
        for (PreparedStatement ps : List.of(events, quarantine)) {
          ps.setLong(1, vehicleId);
          ps.setLong(2, e.from().toEpochMilli());
          ps.setLong(3, e.until().map(java.time.Instant::toEpochMilli).orElse(Long.MAX_VALUE));
          deleted += ps.executeUpdate();
        }
      }
    }
    return deleted;
  }

  private static int redactEvents(Connection c, long vehicleId, PartyId subject) throws SQLException {
    Map<java.util.List<Long>, String> rewritten = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT vehicle_id, revision, body FROM journal WHERE vehicle_id = ? AND subject = ?")) {
      ps.setLong(1, vehicleId);
      ps.setString(2, subject.value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          TwinEvent event = TwinJson.read(rs.getString(3), TwinEvent.class, "journal event " + rs.getLong(2));
          rewritten.put(java.util.List.of(rs.getLong(1), rs.getLong(2)), TwinJson.write(event.erased()));
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE journal SET body = ?, subject = NULL WHERE vehicle_id = ? AND revision = ?")) {
      for (Map.Entry<java.util.List<Long>, String> e : rewritten.entrySet()) {
        ps.setString(1, e.getValue());
        ps.setLong(2, e.getKey().get(0));
        ps.setLong(3, e.getKey().get(1));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return rewritten.size();
  }

  private Twin rebuild(StatementCache sql, long vehicleId, AssetId vin) throws SQLException {
    Connection c = sql.connection();
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM snapshots WHERE vehicle_id = ?")) {
      ps.setLong(1, vehicleId);
      ps.executeUpdate();
    }
    TwinFolder folder = TwinFolder.from(Twin.unknown(vin));
    try (PreparedStatement snapshot =
        c.prepareStatement("INSERT INTO snapshots (vehicle_id, revision, body, occurred_ms) VALUES (?, ?, ?, ?)")) {
      SQLException[] failure = new SQLException[1];
      JournalReader.forEachEntry(c, vehicleId, vin, 0, Long.MAX_VALUE, e -> {
        folder.apply(e.revision(), e.occurredAt(), e.event());
        if (e.revision() % options.snapshotInterval() == 0 && failure[0] == null) {
          try {
            snapshot.setLong(1, vehicleId);
            snapshot.setLong(2, e.revision());
            snapshot.setString(3, TwinJson.write(folder.twin()));
            snapshot.setLong(4, e.occurredAt().toEpochMilli());
            snapshot.addBatch();
          } catch (SQLException ex) {
            failure[0] = ex;
          }
        }
      });
      if (failure[0] != null) {
        throw failure[0];
      }
      snapshot.executeBatch();
    }
    Twin head = folder.twin();
    PreparedStatement ps = sql.get(JournalWriter.UPSERT_HEAD);
    ps.setLong(1, vehicleId);
    ps.setLong(2, head.revision());
    ps.setString(3, TwinJson.write(head));
    ps.executeUpdate();
    QueryRows.rewrite(sql, vehicleId, head);
    return head;
  }
}
