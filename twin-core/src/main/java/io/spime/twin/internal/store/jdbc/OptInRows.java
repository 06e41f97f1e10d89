package io.spime.twin.internal.store.jdbc;

import io.spime.twin.CustomerOptIns;
import io.spime.twin.custody.PartyId;
import io.spime.twin.experience.Channel;
import io.spime.twin.optin.OptIn;
import io.spime.twin.optin.OptInGrant;
import io.spime.twin.optin.Purpose;
import io.spime.twin.optin.PurposeKind;
import io.spime.twin.optin.Withdrawal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The opt_ins table: rows are inserted, and only their withdrawal columns are ever set afterwards. */
final class OptInRows {
  private static final String COLUMNS = "id, customer, purpose_kind, purpose_scope, recipient, text_version, channel, "
      + "given_ms, withdrawn_ms, withdrawn_channel";

  private OptInRows() {}

  static OptIn insert(Connection c, OptInGrant g) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM opt_ins WHERE customer = ?")) {
      ps.setString(1, g.customer().value());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getLong(1) >= CustomerOptIns.MAX_OPT_INS_PER_CUSTOMER) {
          throw new IllegalArgumentException("customer " + g.customer() + " already has "
              + CustomerOptIns.MAX_OPT_INS_PER_CUSTOMER + " opt-ins, the most kept per customer");
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO opt_ins (customer, purpose_kind, purpose_scope, "
        + "recipient, text_version, channel, given_ms) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      ps.setString(1, g.customer().value());
      ps.setString(2, g.purpose().kind().name());
      ps.setString(3, g.purpose().scope());
      ps.setString(4, g.recipient().value());
      ps.setString(5, g.textVersion());
      ps.setString(6, g.channel().name());
      ps.setLong(7, g.at().toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new OptIn(rs.getLong(1), g.customer(), g.purpose(), g.recipient(), g.textVersion(), g.channel(), g.at(),
            Optional.empty());
      }
    }
  }

  static Optional<OptIn> withdraw(Connection c, PartyId customer, Purpose purpose, PartyId recipient, Withdrawal w)
      throws SQLException {
    Optional<OptIn> latest = latest(c, customer, purpose, recipient).filter(OptIn::active);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE opt_ins SET withdrawn_ms = ?, withdrawn_channel = ? "
        + "WHERE id = ? AND withdrawn_ms IS NULL")) {
      ps.setLong(1, w.at().toEpochMilli());
      ps.setString(2, w.channel().name());
      ps.setLong(3, latest.get().id());
      if (ps.executeUpdate() == 0) {
        return Optional.empty();
      }
    }
    OptIn o = latest.get();
    return Optional.of(new OptIn(o.id(), o.customer(), o.purpose(), o.recipient(), o.textVersion(), o.channel(),
        o.given(), Optional.of(w)));
  }

  static List<OptIn> history(Connection c, PartyId customer) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM opt_ins WHERE customer = ? ORDER BY id", customer.value());
  }

  /** The newest opt-in per purpose and recipient, where it is not withdrawn. */
  static List<OptIn> current(Connection c, PartyId customer) throws SQLException {
    Map<List<String>, OptIn> newest = new LinkedHashMap<>();
    for (OptIn o : history(c, customer)) {
      newest.put(List.of(o.purpose().kind().name(), o.purpose().scope(), o.recipient().value()), o);
    }
    return newest.values().stream().filter(OptIn::active).toList();
  }

  /** True if the customer's newest opt-in to sharing with the partner is active. */
  static boolean sharing(Connection c, PartyId customer, PartyId partner) throws SQLException {
    return latest(c, customer, Purpose.sharingWith(partner), partner).map(OptIn::active).orElse(false);
  }

  /**
   * Up to {@code limit} customers after {@code after} (by id) whose newest opt-in to the purpose, for
   * some recipient, is active; walks the {@code opt_ins_by_purpose} index in customer order.
   */
  static List<PartyId> optedIn(Connection c, Purpose purpose, String after, int limit) throws SQLException {
    List<PartyId> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT o.customer FROM opt_ins o "
        + "WHERE o.customer > ? AND o.customer <> ? AND o.purpose_kind = ? AND o.purpose_scope = ? "
        + "AND o.withdrawn_ms IS NULL AND o.id = (SELECT MAX(n.id) FROM opt_ins n WHERE n.customer = o.customer "
        + "AND n.purpose_kind = o.purpose_kind AND n.purpose_scope = o.purpose_scope AND n.recipient = o.recipient) "
        + "ORDER BY o.customer LIMIT ?")) {
      ps.setString(1, after);
      ps.setString(2, PartyId.ERASED.value());
      ps.setString(3, purpose.kind().name());
      ps.setString(4, purpose.scope());
      ps.setInt(5, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(PartyId.of(rs.getString(1)));
        }
      }
    }
    return out;
  }

  /** Removes an erased customer from their opt-ins; the purposes, texts and times stay, of no one. */
  static int anonymise(Connection c, PartyId customer) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE opt_ins SET customer = ? WHERE customer = ?")) {
      ps.setString(1, PartyId.ERASED.value());
      ps.setString(2, customer.value());
      return ps.executeUpdate();
    }
  }

  private static Optional<OptIn> latest(Connection c, PartyId customer, Purpose purpose, PartyId recipient)
      throws SQLException {
    List<OptIn> rows = query(c, "SELECT " + COLUMNS + " FROM opt_ins WHERE customer = ? AND purpose_kind = ? "
        + "AND purpose_scope = ? AND recipient = ? ORDER BY id DESC LIMIT 1", customer.value(), purpose.kind().name(),
        purpose.scope(), recipient.value());
    return rows.stream().findFirst();
  }

  private static List<OptIn> query(Connection c, String sql, String... params) throws SQLException {
    List<OptIn> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long withdrawn = rs.getLong(9);
          Optional<Withdrawal> withdrawal = rs.wasNull() ? Optional.empty()
              : Optional.of(new Withdrawal(Instant.ofEpochMilli(withdrawn), Channel.valueOf(rs.getString(10))));
          out.add(new OptIn(rs.getLong(1), PartyId.of(rs.getString(2)),
              new Purpose(PurposeKind.valueOf(rs.getString(3)), rs.getString(4)), PartyId.of(rs.getString(5)),
              rs.getString(6), Channel.valueOf(rs.getString(7)), Instant.ofEpochMilli(rs.getLong(8)), withdrawal));
        }
      }
    }
    return out;
  }
}
