package io.spime.twin.internal.store.jdbc;

import io.spime.twin.custody.PartyId;
import io.spime.twin.experience.AgreementKind;
import io.spime.twin.experience.AgreementRef;
import io.spime.twin.experience.Channel;
import io.spime.twin.experience.JourneyPhase;
import io.spime.twin.experience.TimelinePage;
import io.spime.twin.experience.TimelineQuery;
import io.spime.twin.experience.Touchpoint;
import io.spime.twin.experience.TouchpointOutcome;
import io.spime.twin.fleet.PageRequest;
import io.spime.wire.AssetId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The touchpoints table: recording, a customer's timeline, and the touchpoints a renewal weighs. */
final class Touchpoints {
  private static final String COLUMNS = "id, customer, start_ms, end_ms, phase, channel, vin, agreement_kind, "
      + "agreement_ref, answered, resolved, satisfaction";
  static final String UPSERT = "INSERT INTO touchpoints (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      + "ON CONFLICT (id) DO UPDATE SET start_ms = excluded.start_ms, end_ms = excluded.end_ms, "
      + "phase = excluded.phase, channel = excluded.channel, vin = excluded.vin, "
      + "agreement_kind = excluded.agreement_kind, agreement_ref = excluded.agreement_ref, "
      + "answered = excluded.answered, resolved = excluded.resolved, satisfaction = excluded.satisfaction "
      + "WHERE touchpoints.customer = excluded.customer";
  static final String INSERT_IF_NEW =
      "INSERT INTO touchpoints (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";

  private Touchpoints() {}

  /** Inserts or replaces; an id held by another customer's touchpoint changes nothing and is refused. */
  static void record(Connection c, Touchpoint t) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      bind(ps, t);
      if (ps.executeUpdate() == 0) {
        throw new IllegalArgumentException("touchpoint id " + t.id() + " is already another customer's touchpoint; "
            + "pick a new id");
      }
    }
  }

  static void bind(PreparedStatement ps, Touchpoint t) throws SQLException {
    ps.setString(1, t.id());
    ps.setString(2, t.customer().value());
    ps.setLong(3, t.start().toEpochMilli());
    if (t.end().isPresent()) {
      ps.setLong(4, t.end().get().toEpochMilli());
    } else {
      ps.setNull(4, Types.BIGINT);
    }
    ps.setString(5, t.phase().name());
    ps.setString(6, t.channel().name());
    ps.setString(7, t.vehicle().map(AssetId::value).orElse(null));
    ps.setString(8, t.agreement().map(a -> a.kind().name()).orElse(null));
    ps.setString(9, t.agreement().map(AgreementRef::reference).orElse(null));
    ps.setInt(10, t.outcome().answered() ? 1 : 0);
    ps.setInt(11, t.outcome().resolved() ? 1 : 0);
    if (t.outcome().satisfaction().isPresent()) {
      ps.setInt(12, t.outcome().satisfaction().getAsInt());
    } else {
      ps.setNull(12, Types.INTEGER);
    }
  }

  /** One page, newest first, keyset-paged on the index {@code (customer, start_ms, id)}. */
  static TimelinePage timeline(Connection c, TimelineQuery q, PageRequest page) throws SQLException {
    String fingerprint = "timeline:" + Integer.toHexString(String.join("|", q.customer().value(),
        q.phase().map(Enum::name).orElse(""), q.vehicle().map(AssetId::value).orElse(""),
        q.from().map(Instant::toString).orElse(""), q.before().map(Instant::toString).orElse("")).hashCode());
    long afterStart = Long.MAX_VALUE;
    String afterId = "";
    boolean first = page.cursor().isEmpty();
    if (!first) {
      List<String> key = Cursors.decode(page.cursor().get(), fingerprint, 2);
      afterStart = Cursors.number(key.get(0), page.cursor().get());
      afterId = key.get(1);
    }
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM touchpoints WHERE customer = ?");
    List<Object> params = new ArrayList<>(List.of(q.customer().value()));
    q.phase().ifPresent(p -> {
      sql.append(" AND phase = ?");
      params.add(p.name());
    });
    q.vehicle().ifPresent(v -> {
      sql.append(" AND vin = ?");
      params.add(v.value());
    });
    q.from().ifPresent(f -> {
      sql.append(" AND start_ms >= ?");
      params.add(f.toEpochMilli());
    });
    q.before().ifPresent(b -> {
      sql.append(" AND start_ms < ?");
      params.add(b.toEpochMilli());
    });
    if (!first) {
      sql.append(" AND (start_ms < ? OR (start_ms = ? AND id < ?))");
      params.addAll(List.of(afterStart, afterStart, afterId));
    }
    sql.append(" ORDER BY start_ms DESC, id DESC LIMIT ?");
    params.add(page.size() + 1);
    List<Touchpoint> rows = query(c, sql.toString(), params);
    Optional<String> next = Optional.empty();
    if (rows.size() > page.size()) {
      rows = rows.subList(0, page.size());
      Touchpoint last = rows.get(rows.size() - 1);
      next = Optional.of(Cursors.encode(fingerprint, List.of(String.valueOf(last.start().toEpochMilli()), last.id())));
    }
    return new TimelinePage(rows, next);
  }

  /** The customer's touchpoints starting in {@code [from, until)}, at most {@code limit}. */
  static List<Touchpoint> during(Connection c, PartyId customer, Instant from, Instant until, int limit)
      throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM touchpoints WHERE customer = ? AND start_ms >= ? AND start_ms < ? "
        + "ORDER BY start_ms, id LIMIT ?", List.of(customer.value(), from.toEpochMilli(), until.toEpochMilli(), limit));
  }

  /** Deletes every touchpoint of an erased customer. */
  static int delete(Connection c, PartyId customer) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM touchpoints WHERE customer = ?")) {
      ps.setString(1, customer.value());
      return ps.executeUpdate();
    }
  }

  private static List<Touchpoint> query(Connection c, String sql, List<Object> params) throws SQLException {
    List<Touchpoint> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
    }
    return out;
  }

  private static Touchpoint read(ResultSet rs) throws SQLException {
    long end = rs.getLong(4);
    Optional<Instant> ended = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(end));
    Optional<AssetId> vin = Optional.ofNullable(rs.getString(7)).map(AssetId::parseLenient);
    String kind = rs.getString(8);
    Optional<AgreementRef> agreement = kind == null || vin.isEmpty() ? Optional.empty()
        : Optional.of(new AgreementRef(vin.get(), AgreementKind.valueOf(kind), rs.getString(9)));
    int stars = rs.getInt(12);
    OptionalInt satisfaction = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(stars);
    return new Touchpoint(rs.getString(1), PartyId.of(rs.getString(2)), JourneyPhase.valueOf(rs.getString(5)),
        Channel.valueOf(rs.getString(6)), Instant.ofEpochMilli(rs.getLong(3)), ended, vin, agreement,
        new TouchpointOutcome(rs.getInt(10) == 1, rs.getInt(11) == 1, satisfaction));
  }
}
