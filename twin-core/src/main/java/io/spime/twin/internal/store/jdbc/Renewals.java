package io.spime.twin.internal.store.jdbc;

import io.spime.twin.Twin;
import io.spime.twin.custody.PartyId;
import io.spime.twin.experience.AgreementKind;
import io.spime.twin.experience.AgreementRef;
import io.spime.twin.experience.RenewalCandidate;
import io.spime.twin.experience.RenewalPage;
import io.spime.twin.experience.RenewalQuery;
import io.spime.twin.experience.Touchpoint;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.internal.experience.RiskModel;
import io.spime.wire.AssetId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Agreements due for renewal, read from the {@code agreement_renewals} index by due day, each assessed
 * by {@link RiskModel} and ranked riskiest first; pages are keyset-paged on the ranking's order.
 */
final class Renewals {
  /** The most agreements one window may hold: each is assessed on every page read. */
  static final int MAX_CANDIDATES = 5_000;
  /** The most touchpoints of one customer weighed for one agreement. */
  static final int MAX_TOUCHPOINTS = 10_000;

  /** The ranking's order: risk points descending, then due day, car, kind and reference. */
  record Key(long points, String due, String vin, String kind, String reference) implements Comparable<Key> {
    static final Comparator<Key> ORDER = Comparator.comparingLong((Key k) -> -k.points()).thenComparing(Key::due)
        .thenComparing(Key::vin).thenComparing(Key::kind).thenComparing(Key::reference);

    static Key of(RenewalCandidate r) {
      return new Key(r.risk().points(), r.due().toString(), r.agreement().vin().value(), r.agreement().kind().name(),
          r.agreement().reference());
    }

    List<String> fields() {
      return List.of(String.valueOf(points), due, vin, kind, reference);
    }

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  private Renewals() {}

  static RenewalPage page(Connection c, RenewalQuery q, PageRequest page) throws SQLException {
    String fingerprint = "renewals:" + q.today() + ":" + q.withinDays();
    Optional<Key> after = Optional.empty();
    if (page.cursor().isPresent()) {
      List<String> key = Cursors.decode(page.cursor().get(), fingerprint, 5);
      after = Optional.of(new Key(Cursors.number(key.get(0), page.cursor().get()), key.get(1), key.get(2), key.get(3),
          key.get(4)));
    }
    List<RenewalCandidate> ranked = rank(c, q);
    List<RenewalCandidate> rows = new ArrayList<>();
    for (RenewalCandidate r : ranked) {
      if (after.isEmpty() || Key.of(r).compareTo(after.get()) > 0) {
        rows.add(r);
        if (rows.size() > page.size()) {
          break;
        }
      }
    }
    Optional<String> next = Optional.empty();
    if (rows.size() > page.size()) {
      rows = rows.subList(0, page.size());
      RenewalCandidate last = rows.get(rows.size() - 1);
      next = Optional.of(Cursors.encode(fingerprint, Key.of(last).fields()));
    }
    return new RenewalPage(rows, next);
  }

  private static List<RenewalCandidate> rank(Connection c, RenewalQuery q) throws SQLException {
    List<RenewalCandidate> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT r.due_day, r.vehicle_id, r.kind, r.reference, r.customer, r.start_day, v.vin "
            + "FROM agreement_renewals r JOIN vehicles v ON v.vehicle_id = r.vehicle_id "
            + "WHERE r.due_day >= ? AND r.due_day <= ? ORDER BY r.due_day, r.vehicle_id, r.kind, r.reference LIMIT ?")) {
      ps.setString(1, q.today().toString());
      ps.setString(2, q.lastDay().toString());
      ps.setInt(3, MAX_CANDIDATES + 1);
      List<Object[]> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getString(7)});
        }
      }
      if (rows.size() > MAX_CANDIDATES) {
        throw new IllegalArgumentException("more than " + MAX_CANDIDATES + " agreements fall due from " + q.today()
            + " to " + q.lastDay() + "; a ranking reads at most " + MAX_CANDIDATES + ", ask for fewer days");
      }
      Instant until = q.today().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      for (Object[] r : rows) {
        AssetId vin = AssetId.parseLenient((String) r[6]);
        PartyId customer = PartyId.of((String) r[4]);
        LocalDate start = LocalDate.parse((String) r[5]);
        Twin car = JournalReader.head(c, (Long) r[1], vin);
        Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Touchpoint> touchpoints = from.isBefore(until)
            ? Touchpoints.during(c, customer, from, until, MAX_TOUCHPOINTS) : List.of();
        RiskModel.Assessment a = RiskModel.assess(car, start, q.today(), touchpoints);
        out.add(new RenewalCandidate(new AgreementRef(vin, AgreementKind.valueOf((String) r[2]), (String) r[3]),
            customer, start, LocalDate.parse((String) r[0]), a.signals(), a.risk()));
      }
    }
    out.sort(Comparator.comparing(Key::of));
    return out;
  }
}
