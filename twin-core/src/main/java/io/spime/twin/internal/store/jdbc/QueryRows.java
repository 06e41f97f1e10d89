package io.spime.twin.internal.store.jdbc;

import io.spime.twin.Twin;
import io.spime.twin.custody.CustodyEpoch;
import io.spime.twin.custody.CustodyHolder;
import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Subscription;
import io.spime.twin.custody.Term;
import io.spime.wire.AssetKind;
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

  static void update(StatementCache sql, long vehicleId, Twin before, Twin after, Instant lastFromVehicle)
      throws SQLException {
    PreparedStatement ps = sql.get(
        "UPDATE vehicles SET revision = ?, phase = ?, make = ?, model = ?, model_year = ?, kind = ?"
            + " WHERE vehicle_id = ?");
    ps.setLong(1, after.revision());
    ps.setString(2, after.phase().map(Enum::name).orElse(null));
    ps.setString(3, after.identity().map(i -> i.make()).orElse(null));
    ps.setString(4, after.identity().map(i -> i.model()).orElse(null));
    if (after.identity().isPresent()) {
      ps.setInt(5, after.identity().get().modelYear());
    } else {
      ps.setNull(5, Types.INTEGER);
    }
    ps.setString(6, after.identity().map(i -> i.kind()).orElse(AssetKind.CAR).name());
    ps.setLong(7, vehicleId);
    ps.executeUpdate();
    if (after.battery().isPresent() && !after.battery().equals(before.battery())) {
      long at = after.battery().get().at().toEpochMilli();
      updateSoh(sql, vehicleId, after.battery().get().condition().stateOfHealthPercent(), at);
    }
    if (lastFromVehicle != null) {
      PreparedStatement seen = sql.get(
          "UPDATE vehicles SET last_seen_ms = ? WHERE vehicle_id = ? AND (last_seen_ms IS NULL OR last_seen_ms < ?)");
      seen.setLong(1, lastFromVehicle.toEpochMilli());
      seen.setLong(2, vehicleId);
      seen.setLong(3, lastFromVehicle.toEpochMilli());
      seen.executeUpdate();
    }
    if (!after.openDtcs().keySet().equals(before.openDtcs().keySet())) {
      replaceDtcs(sql, vehicleId, after);
    }
    if (!Objects.equals(after.currentEpoch(), before.currentEpoch())
        || !after.subscriptions().equals(before.subscriptions())) {
      replaceCustody(sql, vehicleId, after.currentEpoch());
      replaceAgreements(sql, vehicleId, after);
    }
  }

  static final String UPDATE_SOH = "UPDATE vehicles SET battery_soh = ?, battery_soh_ms = ? WHERE vehicle_id = ? "
      + "AND (battery_soh_ms IS NULL OR battery_soh_ms <= ?)";

  /** Sets the battery state of health if this reading is not older than the stored one. */
  static void updateSoh(StatementCache sql, long vehicleId, double soh, long atMillis) throws SQLException {
    PreparedStatement ps = sql.get(UPDATE_SOH);
    bindSoh(ps, vehicleId, soh, atMillis);
    ps.executeUpdate();
  }

  /** Binds one reading to a statement of {@link #UPDATE_SOH}. */
  static void bindSoh(PreparedStatement ps, long vehicleId, double soh, long atMillis) throws SQLException {
    ps.setDouble(1, soh);
    ps.setLong(2, atMillis);
    ps.setLong(3, vehicleId);
    ps.setLong(4, atMillis);
  }

  /** Rewrites every query row derived from the twin (after an erasure). */
  static void rewrite(StatementCache sql, long vehicleId, Twin twin) throws SQLException {
    replaceDtcs(sql, vehicleId, twin);
    replaceCustody(sql, vehicleId, twin.currentEpoch());
    replaceAgreements(sql, vehicleId, twin);
  }

  private static void replaceDtcs(StatementCache sql, long vehicleId, Twin after) throws SQLException {
    delete(sql, "DELETE FROM open_dtcs WHERE vehicle_id = ?", vehicleId);
    PreparedStatement ps = sql.get("INSERT INTO open_dtcs (code, vehicle_id) VALUES (?, ?)");
    for (String code : after.openDtcs().keySet()) {
      ps.setString(1, code);
      ps.setLong(2, vehicleId);
      ps.addBatch();
    }
    ps.executeBatch();
  }

  private static void replaceCustody(StatementCache sql, long vehicleId, Optional<CustodyEpoch> epoch)
      throws SQLException {
    delete(sql, "DELETE FROM custody_parties WHERE vehicle_id = ?", vehicleId);
    if (epoch.isEmpty()) {
      return;
    }
    PreparedStatement ps = sql.get("INSERT INTO custody_parties (party, vehicle_id, role) VALUES (?, ?, ?)");
    for (Map.Entry<CustodyRole, CustodyHolder> h : epoch.get().holders().entrySet()) {
      ps.setString(1, h.getValue().party().value());
      ps.setLong(2, vehicleId);
      ps.setString(3, h.getKey().name());
      ps.addBatch();
    }
    ps.executeBatch();
  }

  private static void replaceAgreements(StatementCache sql, long vehicleId, Twin after) throws SQLException {
    delete(sql, "DELETE FROM agreement_ends WHERE vehicle_id = ?", vehicleId);
    delete(sql, "DELETE FROM agreement_renewals WHERE vehicle_id = ?", vehicleId);
    PreparedStatement renewal = sql.get("INSERT INTO agreement_renewals (due_day, vehicle_id, kind, reference, "
        + "customer, start_day) VALUES (?, ?, ?, ?, ?, ?)");
    PreparedStatement ps = sql.get(
        "INSERT INTO agreement_ends (end_day, vehicle_id, kind, reference) VALUES (?, ?, ?, ?)");
    if (after.currentEpoch().isPresent()) {
      for (Map.Entry<CustodyRole, CustodyHolder> h : after.currentEpoch().get().holders().entrySet()) {
        if (h.getValue().term().isPresent()) {
          ps.setString(1, h.getValue().term().get().end().toString());
          ps.setLong(2, vehicleId);
          ps.setString(3, LEASE);
          ps.setString(4, h.getKey().name());
          ps.addBatch();
          addRenewal(renewal, vehicleId, LEASE, h.getKey().name(), h.getValue().party(), h.getValue().term().get());
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
        addRenewal(renewal, vehicleId, SUBSCRIPTION, s.id(), s.subscriber(), s.term());
      }
    }
    ps.executeBatch();
    renewal.executeBatch();
  }

  /** The agreement's row in the renewal index: due on its renewal date, else its end; none once erased. */
  private static void addRenewal(PreparedStatement ps, long vehicleId, String kind, String reference, PartyId customer,
      Term term) throws SQLException {
    if (customer.equals(PartyId.ERASED)) {
      return;
    }
    ps.setString(1, term.renewal().orElse(term.end()).toString());
    ps.setLong(2, vehicleId);
    ps.setString(3, kind);
    ps.setString(4, reference);
    ps.setString(5, customer.value());
    ps.setString(6, term.start().toString());
    ps.addBatch();
  }

  private static void delete(StatementCache sql, String statement, long vehicleId) throws SQLException {
    PreparedStatement ps = sql.get(statement);
    ps.setLong(1, vehicleId);
    ps.executeUpdate();
  }
}
