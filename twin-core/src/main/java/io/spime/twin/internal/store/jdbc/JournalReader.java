package io.spime.twin.internal.store.jdbc;

import io.spime.twin.EventId;
import io.spime.twin.JournalEntry;
import io.spime.twin.Source;
import io.spime.twin.SourceKind;
import io.spime.twin.Twin;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.exceptions.UnknownValueException;
import io.spime.twin.internal.json.TwinJson;
import io.spime.twin.internal.model.TwinFolder;
import io.spime.wire.AssetId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads journal entries, snapshots and twin heads, and folds twins at a revision. */
final class JournalReader {
  private static final String ENTRY_COLUMNS =
      "revision, event_id, occurred_ms, recorded_ms, source_kind, source_id, body";

  private JournalReader() {}

  /** The twin at the latest revision; {@code Twin.unknown} for a car with no events. */
  static Twin head(Connection c, long vehicleId, AssetId vin) throws SQLException {
    return current(c, vehicleId, vin).twin();
  }

  /**
   * The twin at the latest revision, from the readers' cache when neither the stored head row nor the
   * journal's latest revision changed since it was folded; {@code Twin.unknown} for a car with no events.
   */
  static Twin head(Connection c, long vehicleId, AssetId vin, ParsedHeads cache) throws SQLException {
    String body = "";
    long latest = 0;
    try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT body FROM twin_heads WHERE vehicle_id = ?), "
        + "(SELECT MAX(revision) FROM journal WHERE vehicle_id = ?)")) {
      ps.setLong(1, vehicleId);
      ps.setLong(2, vehicleId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          body = rs.getString(1) == null ? "" : rs.getString(1);
          latest = rs.getLong(2);
        }
      }
    }
    return fromHead(c, vehicleId, vin, body, latest, cache);
  }

  /**
   * The twin at {@code latest} from the stored head text ({@code ""} before the first head row), from
   * the readers' cache when both are unchanged, else parsed with the entries after the head folded on.
   */
  static Twin fromHead(Connection c, long vehicleId, AssetId vin, String body, long latest, ParsedHeads cache)
      throws SQLException {
    Optional<Twin> cached = cache.find(vehicleId, body, latest);
    if (cached.isPresent()) {
      return cached.get();
    }
    Twin stored = body.isEmpty() ? Twin.unknown(vin) : TwinJson.read(body, Twin.class, "stored twin of " + vin);
    // the head row lags the journal by a few revisions at most; only then is there anything to fold on
    Twin twin = latest > stored.revision() ? foldOn(c, vehicleId, stored, latest) : stored;
    cache.put(vehicleId, new ParsedHeads.Entry(body, latest, twin));
    return twin;
  }

  /**
   * The current twin: the stored head row (which may lag a few revisions behind the journal, see
   * {@link JournalWriter#HEAD_LAG}) with the journal entries after it folded on.
   */
  static HeadCache.Head current(Connection c, long vehicleId, AssetId vin) throws SQLException {
    Twin stored = Twin.unknown(vin);
    try (PreparedStatement ps = c.prepareStatement("SELECT body FROM twin_heads WHERE vehicle_id = ?")) {
      ps.setLong(1, vehicleId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          stored = TwinJson.read(rs.getString(1), Twin.class, "stored twin of " + vin);
        }
      }
    }
    return new HeadCache.Head(foldOn(c, vehicleId, stored, Long.MAX_VALUE), stored.revision());
  }

  /** {@code start} with the journal's entries after its revision, up to {@code upTo}, folded on. */
  private static Twin foldOn(Connection c, long vehicleId, Twin start, long upTo) throws SQLException {
    TwinFolder folder = TwinFolder.from(start);
    forEachEntry(c, vehicleId, start.vin(), start.revision(), upTo,
        e -> folder.apply(e.revision(), e.occurredAt(), e.event()));
    return folder.revision() == start.revision() ? start : folder.twin();
  }

  /** The twin as it was after revision {@code revision} (1 or more, at most the head's). */
  static Twin atRevision(Connection c, long vehicleId, AssetId vin, long revision) throws SQLException {
    Twin start = Twin.unknown(vin);
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT body FROM snapshots WHERE vehicle_id = ? AND revision <= ? ORDER BY revision DESC LIMIT 1")) {
      ps.setLong(1, vehicleId);
      ps.setLong(2, revision);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          start = TwinJson.read(rs.getString(1), Twin.class, "snapshot of " + vin);
        }
      }
    }
    TwinFolder folder = TwinFolder.from(start);
    forEachEntry(c, vehicleId, vin, start.revision(), revision,
        e -> folder.apply(e.revision(), e.occurredAt(), e.event()));
    return folder.twin();
  }

  /**
   * The twin as of an instant: starts from the last snapshot taken at or before it, then folds the
   * following events while they happened at or before it. Events are in time order, so reading stops
   * at the first later one. Empty if no event happened by then.
   */
  static Optional<Twin> asOf(Connection c, long vehicleId, AssetId vin, Instant instant) throws SQLException {
    long t = instant.toEpochMilli();
    Twin start = Twin.unknown(vin);
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT body FROM snapshots WHERE vehicle_id = ? AND occurred_ms <= ? "
                + "ORDER BY occurred_ms DESC, revision DESC LIMIT 1")) {
      ps.setLong(1, vehicleId);
      ps.setLong(2, t);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          start = TwinJson.read(rs.getString(1), Twin.class, "snapshot of " + vin);
        }
      }
    }
    // the first snapshot after the instant bounds the range: a planner then reads it by the key's index
    long upTo = Long.MAX_VALUE;
    try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM snapshots WHERE vehicle_id = ? "
        + "AND occurred_ms > ? ORDER BY occurred_ms, revision LIMIT 1")) {
      ps.setLong(1, vehicleId);
      ps.setLong(2, t);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          upTo = rs.getLong(1);
        }
      }
    }
    TwinFolder folder = TwinFolder.from(start);
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM journal WHERE vehicle_id = ? AND revision > ? "
            + "AND revision <= ? ORDER BY revision")) {
      ps.setLong(1, vehicleId);
      ps.setLong(2, start.revision());
      ps.setLong(3, upTo);
      ps.setFetchSize(64);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && rs.getLong(3) <= t) {
          JournalEntry e = entry(rs, vin);
          folder.apply(e.revision(), e.occurredAt(), e.event());
        }
      }
    }
    return folder.revision() == 0 ? Optional.empty() : Optional.of(folder.twin());
  }

  static List<JournalEntry> entries(Connection c, long vehicleId, AssetId vin, long after, long upTo)
      throws SQLException {
    List<JournalEntry> out = new ArrayList<>();
    forEachEntry(c, vehicleId, vin, after, upTo, out::add);
    return out;
  }

  /** Entries with after &lt; revision &lt;= upTo, in revision order. */
  static void forEachEntry(
      Connection c, long vehicleId, AssetId vin, long after, long upTo, Consumer<JournalEntry> sink)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + ENTRY_COLUMNS + " FROM journal WHERE vehicle_id = ? AND revision > ? AND revision <= ? "
                + "ORDER BY revision")) {
      ps.setLong(1, vehicleId);
      ps.setLong(2, after);
      ps.setLong(3, upTo);
      ps.setFetchSize(512);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(entry(rs, vin));
        }
      }
    }
  }

  /** The stored entry of an event id of this vehicle, if the id is in its journal. */
  static Optional<StoredEntry> byEventId(PreparedStatement ps, long vehicleId, AssetId vin, EventId id)
      throws SQLException {
    ps.setLong(1, vehicleId);
    ps.setBytes(2, EventIds.bytes(id));
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(new StoredEntry(vehicleId, entry(rs, vin)));
    }
  }

  static final String BY_EVENT_ID_SQL =
      "SELECT " + ENTRY_COLUMNS + " FROM journal WHERE vehicle_id = ? AND event_id = ?";

  record StoredEntry(long vehicleId, JournalEntry entry) {}

  private static JournalEntry entry(ResultSet rs, AssetId vin) throws SQLException {
    long revision = rs.getLong(1);
    String kind = rs.getString(5);
    SourceKind sourceKind;
    try {
      sourceKind = SourceKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw new UnknownValueException(
          "journal entry " + revision + " of " + vin + " has source kind '" + kind
              + "', which this version of spime does not know");
    }
    TwinEvent event =
        TwinJson.read(rs.getString(7), TwinEvent.class, "journal entry " + revision + " of " + vin);
    return new JournalEntry(
        EventIds.of(rs.getBytes(2)),
        vin,
        revision,
        Instant.ofEpochMilli(rs.getLong(3)),
        Instant.ofEpochMilli(rs.getLong(4)),
        new Source(sourceKind, rs.getString(6)),
        event);
  }
}
