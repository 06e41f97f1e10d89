package io.spime.twin.internal.store.jdbc;

import io.spime.twin.custody.PartyId;
import io.spime.twin.customer.CustomerProfile;
import io.spime.twin.customer.CustomerRecord;
import io.spime.twin.customer.Interaction;
import io.spime.twin.exceptions.CustomerConflictException;
import io.spime.twin.exceptions.UnknownCustomerException;
import io.spime.twin.internal.json.TwinJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Customer master records and their interactions. */
final class Customers {
  private Customers() {}

  static CustomerRecord put(Connection c, PartyId id, long expected, CustomerProfile profile) throws SQLException {
    long current = version(c, id);
    if (current != expected) {
      throw new CustomerConflictException(
          "customer " + id + " is at version " + current + ", not the expected " + expected);
    }
    // Conditional on the version read: another process (a shared store) may write between the read and
    // the write; the loser changes nothing and gets the conflict, never a lost update or a key error.
    String sql = current == 0
        ? "INSERT INTO customers (body, version, party) VALUES (?, ?, ?) ON CONFLICT (party) DO NOTHING"
        : "UPDATE customers SET body = ?, version = ? WHERE party = ? AND version = " + current;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, TwinJson.write(profile));
      ps.setLong(2, current + 1);
      ps.setString(3, id.value());
      if (ps.executeUpdate() == 0) {
        throw new CustomerConflictException("customer " + id + " was changed by another writer at the same time;"
            + " it is no longer at the expected version " + expected);
      }
    }
    return new CustomerRecord(id, current + 1, profile, interactions(c, id));
  }

  static void interact(Connection c, PartyId id, Interaction interaction) throws SQLException {
    if (version(c, id) == 0) {
      throw new UnknownCustomerException("there is no customer " + id);
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO customer_interactions (party, at_ms, body) VALUES (?, ?, ?)")) {
      ps.setString(1, id.value());
      ps.setLong(2, interaction.at().toEpochMilli());
      ps.setString(3, TwinJson.write(interaction));
      ps.executeUpdate();
    }
  }

  static Optional<CustomerRecord> find(Connection c, PartyId id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT version, body FROM customers WHERE party = ?")) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        CustomerProfile profile = TwinJson.read(rs.getString(2), CustomerProfile.class, "customer " + id);
        return Optional.of(new CustomerRecord(id, rs.getLong(1), profile, interactions(c, id)));
      }
    }
  }

  /** Deletes the record and its interactions; true if there was a record. */
  static boolean delete(Connection c, PartyId id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM customer_interactions WHERE party = ?")) {
      ps.setString(1, id.value());
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM customers WHERE party = ?")) {
      ps.setString(1, id.value());
      return ps.executeUpdate() > 0;
    }
  }

  private static long version(Connection c, PartyId id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT version FROM customers WHERE party = ?")) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static List<Interaction> interactions(Connection c, PartyId id) throws SQLException {
    List<Interaction> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT body FROM customer_interactions WHERE party = ? ORDER BY at_ms, rowid")) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(TwinJson.read(rs.getString(1), Interaction.class, "interaction of customer " + id));
        }
      }
    }
    return out;
  }
}
