package io.spime.twin.internal.store.jdbc;

import io.spime.twin.CustomerOptIns;
import io.spime.twin.custody.PartyId;
import io.spime.twin.exceptions.NoConsentException;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.optin.CustomerPage;
import io.spime.twin.optin.OptIn;
import io.spime.twin.optin.OptInGrant;
import io.spime.twin.optin.Pseudonym;
import io.spime.twin.optin.Purpose;
import io.spime.twin.optin.Withdrawal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Opt-ins and partner pseudonyms on the store's database ({@link OptInRows} holds the SQL of opt-ins). */
final class JdbcOptIns implements CustomerOptIns {
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;

  JdbcOptIns(Database db) {
    this.db = db;
  }

  @Override
  public OptIn grantOptIn(OptInGrant grant) {
    Objects.requireNonNull(grant, "grant");
    return db.write("recording an opt-in of customer " + grant.customer() + " to " + grant.purpose(),
        sql -> OptInRows.insert(sql.connection(), grant));
  }

  @Override
  public Optional<OptIn> withdrawOptIn(PartyId customer, Purpose purpose, PartyId recipient, Withdrawal withdrawal) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(withdrawal, "withdrawal");
    return db.write("withdrawing the opt-in of customer " + customer + " to " + purpose,
        sql -> OptInRows.withdraw(sql.connection(), customer, purpose, recipient, withdrawal));
  }

  @Override
  public List<OptIn> optInHistory(PartyId customer) {
    Objects.requireNonNull(customer, "customer");
    return db.read("reading the opt-ins of customer " + customer, c -> OptInRows.history(c, customer));
  }

  @Override
  public List<OptIn> currentOptIns(PartyId customer) {
    Objects.requireNonNull(customer, "customer");
    return db.read("reading the current opt-ins of customer " + customer, c -> OptInRows.current(c, customer));
  }

  @Override
  public CustomerPage optedIn(Purpose purpose, PageRequest page) {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(page, "page");
    String fingerprint = "opted-in:" + purpose.kind() + ":" + purpose.scope();
    String after = page.cursor().map(c -> Cursors.decode(c, fingerprint, 1).get(0)).orElse("");
    return db.read("reading the customers opted in to " + purpose, c -> {
      List<PartyId> rows = OptInRows.optedIn(c, purpose, after, page.size() + 1);
      Optional<String> next = Optional.empty();
      if (rows.size() > page.size()) {
        rows = rows.subList(0, page.size());
        next = Optional.of(Cursors.encode(fingerprint, List.of(rows.get(rows.size() - 1).value())));
      }
      return new CustomerPage(rows, next);
    });
  }

  @Override
  public Pseudonym pseudonymFor(PartyId customer, PartyId partner) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(partner, "partner");
    return db.write("issuing the pseudonym of customer " + customer + " for partner " + partner, sql -> {
      Connection c = sql.connection();
      if (!OptInRows.sharing(c, customer, partner)) {
        throw new NoConsentException("customer " + customer + " has no active opt-in to sharing with " + partner);
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO partner_pseudonyms (partner, pseudonym, customer) "
          + "VALUES (?, ?, ?) ON CONFLICT (partner, customer) DO NOTHING")) {
        ps.setString(1, partner.value());
        ps.setString(2, fresh().value());
        ps.setString(3, customer.value());
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement("SELECT pseudonym FROM partner_pseudonyms WHERE partner = ? AND customer = ?")) {
        ps.setString(1, partner.value());
        ps.setString(2, customer.value());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return Pseudonym.of(rs.getString(1));
        }
      }
    });
  }

  @Override
  public Optional<PartyId> resolvePseudonym(PartyId partner, Pseudonym pseudonym) {
    Objects.requireNonNull(partner, "partner");
    Objects.requireNonNull(pseudonym, "pseudonym");
    return db.read("resolving a pseudonym of partner " + partner, c -> {
      Optional<PartyId> customer = Optional.empty();
      try (PreparedStatement ps =
          c.prepareStatement("SELECT customer FROM partner_pseudonyms WHERE partner = ? AND pseudonym = ?")) {
        ps.setString(1, partner.value());
        ps.setString(2, pseudonym.value());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            customer = Optional.of(PartyId.of(rs.getString(1)));
          }
        }
      }
      return customer.isPresent() && OptInRows.sharing(c, customer.get(), partner) ? customer : Optional.<PartyId>empty();
    });
  }

  /** Deletes the pseudonyms of an erased customer and removes them from their opt-ins. */
  static int erase(Connection c, PartyId customer) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM partner_pseudonyms WHERE customer = ?")) {
      ps.setString(1, customer.value());
      ps.executeUpdate();
    }
    return OptInRows.anonymise(c, customer);
  }

  private static Pseudonym fresh() {
    byte[] bytes = new byte[17];
    RANDOM.nextBytes(bytes);
    StringBuilder out = new StringBuilder("pp-");
    long buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5 && out.length() < 29) {
        out.append(BASE32[(int) (buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    return Pseudonym.of(out.toString());
  }
}
