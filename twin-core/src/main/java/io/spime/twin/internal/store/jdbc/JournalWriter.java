package io.spime.twin.internal.store.jdbc;

import io.spime.twin.AppendRequest;
import io.spime.twin.AppendResult;
import io.spime.twin.EventId;
import io.spime.twin.JournalEntry;
import io.spime.twin.PendingEvent;
import io.spime.twin.SourceKind;
import io.spime.twin.Twin;
import io.spime.twin.TwinStoreOptions;
import io.spime.twin.event.TouchpointRecorded;
import io.spime.twin.exceptions.ConcurrencyConflictException;
import io.spime.twin.experience.Touchpoint;
import io.spime.twin.internal.experience.LegacyTouchpoints;
import io.spime.twin.exceptions.DuplicateEventException;
import io.spime.twin.exceptions.FutureTimestampException;
import io.spime.twin.internal.json.TwinJson;
import io.spime.twin.internal.model.TwinFolder;
import io.spime.wire.AssetId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Appends events inside one write transaction: checks idempotency, the expected revision, the clock
 * and every rule of the fold, then writes journal rows, snapshots, the new head and the query rows.
 */
final class JournalWriter {
  /**
   * A vehicle's head row is rewritten once it lags this many revisions behind, not on every commit:
   * a commit touching many cars then dirties fewer pages, and a read folds at most {@code HEAD_LAG - 1}
   * journal entries onto the stored head.
   */
  static final long HEAD_LAG = 64;

  private final TwinStoreOptions options;
  private final HeadCache cache;
  private final Dialect dialect;

  JournalWriter(TwinStoreOptions options, HeadCache cache, Dialect dialect) {
    this.options = options;
    this.cache = cache;
    this.dialect = dialect;
  }

  /** Heads written by the transaction, to publish to the cache after commit. */
  static final class Outcome {
    final List<AppendResult> results = new ArrayList<>();
    final Map<Long, HeadCache.Head> heads = new LinkedHashMap<>();
  }

  Outcome append(StatementCache sql, VehicleIds.Pending ids, List<AppendRequest> requests) throws SQLException {
    return append(sql, ids, requests, Map.of());
  }

  /**
   * Appends, reading a vehicle's current twin from {@code earlier} (twins already changed or read by
   * this transaction) before the committed cache and the store.
   */
  Outcome append(StatementCache sql, VehicleIds.Pending ids, List<AppendRequest> requests,
      Map<Long, HeadCache.Head> earlier) throws SQLException {
    Connection c = sql.connection();
    Outcome out = new Outcome();
    Instant now = options.clock().instant();
    Instant recordedAt = now.truncatedTo(ChronoUnit.MILLIS);
    Instant latestAllowed = now.plus(options.futureTolerance());
    Set<List<String>> subjects = new HashSet<>();
    PreparedStatement byId = sql.get(JournalReader.BY_EVENT_ID_SQL);
    PreparedStatement insert = sql.get(
        "INSERT INTO journal (vehicle_id, revision, event_id, occurred_ms, recorded_ms, source_kind, "
            + "source_id, type, subject, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    PreparedStatement snapshot =
        sql.get("INSERT INTO snapshots (vehicle_id, revision, body, occurred_ms) VALUES (?, ?, ?, ?)");
    PreparedStatement legacy = sql.get(Touchpoints.INSERT_IF_NEW);
    for (AppendRequest request : requests) {
      long vehicleId = ids.getOrCreate(c, request.vin());
      Optional<AppendResult> replay = replay(byId, vehicleId, request);
      if (replay.isPresent()) {
        out.results.add(replay.get());
        continue;
      }
      HeadCache.Head current =
          out.heads.containsKey(vehicleId) ? out.heads.get(vehicleId) : head(c, vehicleId, request.vin(), earlier);
      Twin head = current.twin();
      if (head.revision() != request.expectedRevision()) {
        throw new ConcurrencyConflictException(request.vin(), request.expectedRevision(), head.revision());
      }
      TwinFolder folder = TwinFolder.from(head);
      List<JournalEntry> entries = new ArrayList<>(request.events().size());
      Instant lastFromVehicle = null;
      for (PendingEvent p : request.events()) {
        if (p.occurredAt().isAfter(latestAllowed)) {
          throw new FutureTimestampException(
              p.event().getClass().getSimpleName() + " " + p.id() + " of " + request.vin() + " happened at "
                  + p.occurredAt() + ", more than " + options.futureTolerance() + " after the store's clock ("
                  + now + ")");
        }
        Instant at = p.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        long revision = folder.revision() + 1;
        folder.apply(revision, at, p.event());
        JournalEntry entry = new JournalEntry(p.id(), request.vin(), revision, at, recordedAt, p.source(), p.event());
        entries.add(entry);
        bindInsert(insert, vehicleId, entry);
        p.event().subject().ifPresent(subject -> subjects.add(List.of(subject.value(), String.valueOf(vehicleId))));
        if (p.event() instanceof TouchpointRecorded) {
          Optional<Touchpoint> t = LegacyTouchpoints.of(p.id(), request.vin(), at, (TouchpointRecorded) p.event());
          if (t.isPresent()) {
            Touchpoints.bind(legacy, t.get());
            legacy.addBatch();
          }
        }
        if (p.source().kind() == SourceKind.VEHICLE) {
          lastFromVehicle = at;
        }
        if (revision % options.snapshotInterval() == 0) {
          snapshot.setLong(1, vehicleId);
          snapshot.setLong(2, revision);
          snapshot.setString(3, TwinJson.write(folder.twin()));
          snapshot.setLong(4, at.toEpochMilli());
          snapshot.addBatch();
        }
      }
      Twin next = folder.twin();
      QueryRows.update(sql, vehicleId, head, next, lastFromVehicle);
      boolean store = next.revision() - current.storedRevision() >= HEAD_LAG;
      out.heads.put(vehicleId, new HeadCache.Head(next, store ? next.revision() : current.storedRevision()));
      out.results.add(new AppendResult(request.vin(), next.revision(), entries, false));
    }
    try {
      insert.executeBatch();
    } catch (SQLException e) {
      if (dialect.isDuplicateEventId(e)) {
        throw new DuplicateEventException(
            "an event id of this append is already in the journal while others are new; retry the same events or "
                + "only new ones (" + e.getMessage() + ")");
      }
      throw e;
    }
    snapshot.executeBatch();
    legacy.executeBatch();
    writeHeads(sql, out.heads);
    writeSubjects(sql, subjects);
    return out;
  }

  /** The vehicle's current twin: from {@code earlier}, else the committed cache, else the store. */
  HeadCache.Head head(Connection c, long vehicleId, AssetId vin, Map<Long, HeadCache.Head> earlier) throws SQLException {
    HeadCache.Head head = earlier.get(vehicleId);
    if (head == null) {
      head = cache.get(vehicleId);
    }
    return head != null ? head : JournalReader.current(c, vehicleId, vin);
  }

  /**
   * The stored result if the request's events are all in the journal already; refuses a partial
   * overlap. Only the first id is looked up when it is new: a later id that is already stored then
   * fails the journal's unique index and the whole transaction rolls back as a {@link
   * DuplicateEventException}.
   */
  private static Optional<AppendResult> replay(PreparedStatement byId, long vehicleId, AppendRequest request)
      throws SQLException {
    Set<EventId> seen = new HashSet<>();
    for (PendingEvent p : request.events()) {
      if (!seen.add(p.id())) {
        throw new DuplicateEventException("event id " + p.id() + " appears twice in one append to " + request.vin());
      }
    }
    if (JournalReader.byEventId(byId, vehicleId, request.vin(), request.events().get(0).id()).isEmpty()) {
      return Optional.empty();
    }
    List<JournalEntry> stored = new ArrayList<>();
    List<EventId> fresh = new ArrayList<>();
    for (PendingEvent p : request.events()) {
      Optional<JournalReader.StoredEntry> found = JournalReader.byEventId(byId, vehicleId, request.vin(), p.id());
      if (found.isEmpty()) {
        fresh.add(p.id());
        continue;
      }
      JournalEntry e = found.get().entry();
      if (!e.event().equals(p.event()) || !e.occurredAt().equals(p.occurredAt().truncatedTo(ChronoUnit.MILLIS))) {
        throw new DuplicateEventException(
            "event id " + p.id() + " is already in the journal of " + request.vin() + " (revision " + e.revision()
                + ") with different content");
      }
      stored.add(e);
    }
    if (!fresh.isEmpty()) {
      throw new DuplicateEventException(
          "append to " + request.vin() + " mixes " + stored.size() + " events already in the journal with "
              + fresh.size() + " new ones (first new: " + fresh.get(0) + "); retry the same events or only new ones");
    }
    long revision = stored.stream().mapToLong(JournalEntry::revision).max().orElse(0);
    return Optional.of(new AppendResult(request.vin(), revision, stored, true));
  }

  private static void bindInsert(PreparedStatement ps, long vehicleId, JournalEntry e) throws SQLException {
    ps.setLong(1, vehicleId);
    ps.setLong(2, e.revision());
    ps.setBytes(3, EventIds.bytes(e.id()));
    ps.setLong(4, e.occurredAt().toEpochMilli());
    ps.setLong(5, e.recordedAt().toEpochMilli());
    ps.setString(6, e.source().kind().name());
    ps.setString(7, e.source().id());
    ps.setString(8, TwinJson.typeName(e.event().getClass()));
    ps.setString(9, e.event().subject().map(Object::toString).orElse(null));
    ps.setString(10, TwinJson.write(e.event()));
    ps.addBatch();
  }

  private static void writeSubjects(StatementCache sql, Set<List<String>> subjects) throws SQLException {
    if (subjects.isEmpty()) {
      return;
    }
    PreparedStatement ps = sql.get(
        "INSERT INTO data_subjects (subject, vehicle_id) VALUES (?, ?) ON CONFLICT (subject, vehicle_id) DO NOTHING");
    for (List<String> s : subjects) {
      ps.setString(1, s.get(0));
      ps.setLong(2, Long.parseLong(s.get(1)));
      ps.addBatch();
    }
    ps.executeBatch();
  }

  /** Writes the head rows that are due: those whose stored revision is the twin's revision now. */
  private static void writeHeads(StatementCache sql, Map<Long, HeadCache.Head> heads) throws SQLException {
    PreparedStatement ps = sql.get(UPSERT_HEAD);
    boolean any = false;
    for (Map.Entry<Long, HeadCache.Head> e : heads.entrySet()) {
      Twin twin = e.getValue().twin();
      if (e.getValue().storedRevision() == twin.revision()) {
        ps.setLong(1, e.getKey());
        ps.setLong(2, twin.revision());
        ps.setString(3, TwinJson.write(twin));
        ps.addBatch();
        any = true;
      }
    }
    if (any) {
      ps.executeBatch();
    }
  }

  static final String UPSERT_HEAD =
      "INSERT INTO twin_heads (vehicle_id, revision, body) VALUES (?, ?, ?) ON CONFLICT (vehicle_id) "
          + "DO UPDATE SET revision = excluded.revision, body = excluded.body";
}
