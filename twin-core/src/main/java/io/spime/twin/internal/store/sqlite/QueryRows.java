package io.spime.twin.internal.store.sqlite;

import io.spime.twin.CustodyEpoch;
import io.spime.twin.CustodyHolder;
import io.spime.twin.CustodyRole;
import io.spime.twin.Subscription;
import io.spime.twin.Twin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Keeps the fleet query columns and tables in step with a vehicle's new head. */
final class QueryRows {
  static final String LEASE = "LEASE";
  static final String SUBSCRIPTION = "SUBSCRIPTION";

  private QueryRows() {}

  static void update(Connection c, long vehicleId, Twin before, Twin after, Instant lastFromVehicle)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE vehicles SET revision = ?, phase = ?, make = ?, model = ?, model_year = ? WHERE vehicle_id = ?")) {
      ps.setLong(1, after.revision());
      ps.setString(2, after.phase().map(Enum::name).orElse(null));
      ps.setString(3, after.identity().map(i -> i.make()).orElse(null));
      ps.setString(4, after.identity().map(i -> i.model()).orElse(null));
      if (after.identity().isPresent()) {
        ps.setInt(5, after.identity().get().modelYear());
      } else {
        ps.setNull(5, Types.INTEGER);
      }
      ps.setLong(6, vehicleId);
      ps.executeUpdate();
    }
    if (after.battery().isPresent() && !after.battery().equals(before.battery())) {
      long at = after.battery().get().at().toEpochMilli();
      updateSoh(c, vehicleId, after.battery().get().condition().stateOfHealthPercent(), at);
    }
    if (lastFromVehicle != null) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE vehicles SET last_seen_ms = ? WHERE vehicle_id = ? AND (last_seen_ms IS NULL OR last_seen_ms < ?)")) {
        ps.setLong(1, lastFromVehicle.toEpochMilli());
        ps.setLong(2, vehicleId);
        ps.setLong(3, lastFromVehicle.toEpochMilli());
        ps.executeUpdate();
      }
    }
    if (!after.openDtcs().keySet().equals(before.openDtcs().keySet())) {
      replaceDtcs(c, vehicleId, after);
    }
    if (!Objects.equals(after.currentEpoch(), before.currentEpoch())
        || !after.subscriptions().equals(before.subscriptions())) {
      replaceCustody(c, vehicleId, after.currentEpoch());
      replaceAgreements(c, vehicleId, after);
    }
  }

  /** Sets the battery state of health if this reading is not older than the stored one. */
  static void updateSoh(Connection c, long vehicleId, double soh, long atMillis) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE vehicles SET battery_soh = ?, battery_soh_ms = ? WHERE vehicle_id = ? "
                + "AND (battery_soh_ms IS NULL OR battery_soh_ms <= ?)")) {
      ps.setDouble(1, soh);
      ps.setLong(2, atMillis);
      ps.setLong(3, vehicleId);
      ps.setLong(4, atMillis);
      ps.executeUpdate();
    }
  }

  /** Rewrites every query row derived from the twin (after an erasure). */
  static void rewrite(Connection c, long vehicleId, Twin twin) throws SQLException {
    replaceDtcs(c, vehicleId, twin);
    replaceCustody(c, vehicleId, twin.currentEpoch());
    replaceAgreements(c, vehicleId, twin);
  }

  private static void replaceDtcs(Connection c, long vehicleId, Twin after) throws SQLException {
    delete(c, "open_dtcs", vehicleId);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO open_dtcs (code, vehicle_id) VALUES (?, ?)")) {
      for (String code : after.openDtcs().keySet()) {
        ps.setString(1, code);
        ps.setLong(2, vehicleId);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void replaceCustody(Connection c, long vehicleId, Optional<CustodyEpoch> epoch) throws SQLException {
    delete(c, "custody_parties", vehicleId);
    if (epoch.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO custody_parties (party, vehicle_id, role) VALUES (?, ?, ?)")) {
      for (Map.Entry<CustodyRole, CustodyHolder> h : epoch.get().holders().entrySet()) {
        ps.setString(1, h.getValue().party().value());
        ps.setLong(2, vehicleId);
        ps.setString(3, h.getKey().name());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void replaceAgreements(Connection c, long vehicleId, Twin after) throws SQLException {
    delete(c, "agreement_ends", vehicleId);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO agreement_ends (end_day, vehicle_id, kind, reference) VALUES (?, ?, ?, ?)")) {
      if (after.currentEpoch().isPresent()) {
        for (Map.Entry<CustodyRole, CustodyHolder> h : after.currentEpoch().get().holders().entrySet()) {
          if (h.getValue().term().isPresent()) {
            ps.setString(1, h.getValue().term().get().end().toString());
            ps.setLong(2, vehicleId);
            ps.setString(3, LEASE);
            ps.setString(4, h.getKey().name());
            ps.addBatch();
          }
        }
      }
      for (Subscription s : after.subscriptions().values()) {
        if (s.active()) {
          ps.setString(1, s.term().end().toString());
          ps.setLong(2, vehicleId);
          ps.setString(3, SUBSCRIPTION);
          ps.setString(4, s.id());
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }

  private static void delete(Connection c, String table, long vehicleId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE vehicle_id = ?")) {
      ps.setLong(1, vehicleId);
      ps.executeUpdate();
    }
  }
}
