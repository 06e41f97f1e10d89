package io.spime.twin.internal.store.jdbc;

import io.spime.twin.AppendRequest;
import io.spime.twin.AppendResult;
import io.spime.twin.EventId;
import io.spime.twin.PendingEvent;
import io.spime.twin.TwinStoreOptions;
import io.spime.twin.exceptions.ConcurrencyConflictException;
import io.spime.twin.exceptions.DuplicateEventException;
import io.spime.twin.exceptions.InvalidEventException;
import io.spime.twin.fleet.CarEvent;
import io.spime.twin.ingest.StreamProgress;
import io.spime.twin.ingest.UplinkApplyResult;
import io.spime.twin.ingest.UplinkMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies uplink messages of every kind inside one write transaction: the per-stream seq rule decides
 * which are applied; telemetry is folded in memory and written once, events and quarantined messages
 * are written as they come, a refused twin append is rolled back to its savepoint and recorded.
 */
final class UplinkWriter {
  private static final Logger LOG = LoggerFactory.getLogger(UplinkWriter.class);
  private static final String SAVEPOINT = "twin_events";

  private final TwinStoreOptions options;
  private final TelemetryWriter telemetry;
  private final JournalWriter journal;

  UplinkWriter(TwinStoreOptions options, TelemetryWriter telemetry, JournalWriter journal) {
    this.options = options;
    this.telemetry = telemetry;
    this.journal = journal;
  }

  /** The result, with the current twins of the vehicles read or appended to, to publish after commit. */
  record Outcome(UplinkApplyResult result, Map<Long, HeadCache.Head> heads) {}

  private record StreamKey(long vehicleId, long streamId) {}

  private static final class VehicleDelta {
    long samples;
    long lastSeen = Long.MIN_VALUE;
    long lastStream;
  }

  private static final class Counts {
    int applied;
    int duplicates;
    int gaps;
    int samples;
    int carEvents;
    int appended;
    int refused;
    int quarantined;
  }

  Outcome apply(StatementCache sql, VehicleIds.Pending ids, List<UplinkMessage> messages) throws SQLException {
    Connection c = sql.connection();
    Objects.requireNonNull(messages, "messages");
    long nowMs = options.clock().millis();
    Map<StreamKey, Long> durable = new HashMap<>();
    Map<StreamKey, StreamProgress> progress = new LinkedHashMap<>();
    Map<StreamKey, Long> advanced = new LinkedHashMap<>();
    Map<Long, VehicleDelta> vehicles = new LinkedHashMap<>();
    Map<Long, HeadCache.Head> heads = new LinkedHashMap<>();
    TelemetryWriter.Fold fold = telemetry.begin();
    Counts n = new Counts();
    Set<Long> vehicleIds = new LinkedHashSet<>();
    for (UplinkMessage m : messages) {
      vehicleIds.add(ids.getOrCreate(c, Objects.requireNonNull(m, "message").vin()));
    }
    readDurable(sql, vehicleIds, durable);
    for (UplinkMessage m : messages) {
      long vehicleId = ids.getOrCreate(c, m.vin());
      StreamKey key = new StreamKey(vehicleId, m.position().streamId());
      Long known = durable.get(key);
      long current = known != null ? known : 0L;
      long seq = m.position().seq();
      if (seq <= current) {
        n.duplicates++;
      } else if (seq == current + 1) {
        current = seq;
        advanced.put(key, current);
        n.applied++;
        VehicleDelta delta = vehicles.computeIfAbsent(vehicleId, id -> new VehicleDelta());
        delta.lastStream = key.streamId();
        delta.lastSeen = Math.max(delta.lastSeen, applyOne(sql, ids, vehicleId, m, nowMs, heads, delta, fold, n));
      } else {
        n.gaps++;
      }
      durable.put(key, current);
      progress.put(key, new StreamProgress(m.vin(), key.streamId(), current));
    }
    writeStreams(sql, advanced);
    fold.write(sql);
    writeVehicles(sql, vehicles);
    return new Outcome(new UplinkApplyResult(new ArrayList<>(progress.values()), n.applied, n.duplicates, n.gaps,
        n.samples, n.carEvents, n.appended, n.refused, n.quarantined), heads);
  }

  /** Applies one message whose seq is next; returns the newest time it shows the car speaking at. */
  private long applyOne(StatementCache sql, VehicleIds.Pending ids, long vehicleId, UplinkMessage m, long nowMs,
      Map<Long, HeadCache.Head> heads, VehicleDelta delta, TelemetryWriter.Fold fold, Counts n) throws SQLException {
    if (m instanceof UplinkMessage.Telemetry) {
      UplinkMessage.Telemetry t = (UplinkMessage.Telemetry) m;
      delta.samples += t.batch().samples().size();
      n.samples += t.batch().samples().size();
      return fold.add(vehicleId, t.batch());
    }
    if (m instanceof UplinkMessage.Quarantined) {
      UplinkRows.quarantine(sql, vehicleId, (UplinkMessage.Quarantined) m, nowMs);
      n.quarantined++;
      return nowMs;
    }
    UplinkMessage.Events e = (UplinkMessage.Events) m;
    long newest = Long.MIN_VALUE;
    for (CarEvent ce : e.carEvents()) {
      newest = Math.max(newest, ce.time().toEpochMilli());
    }
    for (PendingEvent p : e.twinEvents()) {
      newest = Math.max(newest, p.occurredAt().toEpochMilli());
    }
    n.carEvents += UplinkRows.carEvents(sql, vehicleId, e.carEvents(), nowMs);
    if (!e.twinEvents().isEmpty()) {
      appendTwinEvents(sql, ids, vehicleId, e, nowMs, heads, n);
    }
    return newest;
  }

  /** One append at the vehicle's current revision, undone to its savepoint and recorded if refused. */
  private void appendTwinEvents(StatementCache sql, VehicleIds.Pending ids, long vehicleId, UplinkMessage.Events e,
      long nowMs, Map<Long, HeadCache.Head> heads, Counts n) throws SQLException {
    Connection c = sql.connection();
    HeadCache.Head head = journal.head(c, vehicleId, e.vin(), heads);
    heads.putIfAbsent(vehicleId, head);
    List<PendingEvent> placed = LateCarEvents.onTimeline(e.twinEvents(), head.twin().updatedAt(),
        storedTimes(sql, vehicleId, e));
    AppendRequest request = new AppendRequest(e.vin(), head.twin().revision(), placed);
    execute(c, "SAVEPOINT " + SAVEPOINT);
    try {
      JournalWriter.Outcome outcome = journal.append(sql, ids, List.of(request), heads);
      execute(c, "RELEASE " + SAVEPOINT);
      heads.putAll(outcome.heads);
      AppendResult result = outcome.results.get(0);
      n.appended += result.replayed() ? 0 : result.entries().size();
    } catch (InvalidEventException | DuplicateEventException | ConcurrencyConflictException refused) {
      execute(c, "ROLLBACK TO " + SAVEPOINT);
      execute(c, "RELEASE " + SAVEPOINT);
      String reason = refused.getClass().getSimpleName() + ": " + refused.getMessage();
      UplinkRows.refusal(sql, vehicleId, e.position(), e.twinEvents(), reason, nowMs);
      n.refused += e.twinEvents().size();
      LOG.debug("twin events of {} at stream {} seq {} refused: {}", e.vin(), e.position().streamId(),
          e.position().seq(), reason);
    }
  }

  /** The journal's times of those of the message's twin events it holds already (a car's resend). */
  private static Map<EventId, Instant> storedTimes(StatementCache sql, long vehicleId, UplinkMessage.Events e)
      throws SQLException {
    PreparedStatement byId = sql.get(JournalReader.BY_EVENT_ID_SQL);
    Map<EventId, Instant> times = new HashMap<>();
    for (PendingEvent p : e.twinEvents()) {
      JournalReader.byEventId(byId, vehicleId, e.vin(), p.id())
          .ifPresent(stored -> times.put(p.id(), stored.entry().occurredAt()));
    }
    return times;
  }

  private static void execute(Connection c, String statement) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }

  /** Vehicles whose streams one statement reads; fewer are padded with -1, never an id, so the SQL is one. */
  private static final int READ_CHUNK = 64;
  private static final String READ_DURABLE = "SELECT vehicle_id, stream_id, durable_seq FROM telemetry_streams "
      + "WHERE vehicle_id IN (" + String.join(", ", java.util.Collections.nCopies(READ_CHUNK, "?")) + ")";

  /** The committed durable seq of every stream of these vehicles, a statement per {@value #READ_CHUNK}. */
  private static void readDurable(StatementCache sql, Set<Long> vehicleIds, Map<StreamKey, Long> into)
      throws SQLException {
    List<Long> all = new ArrayList<>(vehicleIds);
    for (int from = 0; from < all.size(); from += READ_CHUNK) {
      PreparedStatement ps = sql.get(READ_DURABLE);
      for (int i = 0; i < READ_CHUNK; i++) {
        ps.setLong(i + 1, from + i < all.size() ? all.get(from + i) : -1L);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          into.put(new StreamKey(rs.getLong(1), rs.getLong(2)), rs.getLong(3));
        }
      }
    }
  }

  private static void writeStreams(StatementCache sql, Map<StreamKey, Long> advanced) throws SQLException {
    if (advanced.isEmpty()) {
      return;
    }
    PreparedStatement ps = sql.get(
        "INSERT INTO telemetry_streams (vehicle_id, stream_id, durable_seq) VALUES (?, ?, ?) "
            + "ON CONFLICT (vehicle_id, stream_id) DO UPDATE SET durable_seq = excluded.durable_seq");
    for (Map.Entry<StreamKey, Long> e : advanced.entrySet()) {
      ps.setLong(1, e.getKey().vehicleId());
      ps.setLong(2, e.getKey().streamId());
      ps.setLong(3, e.getValue());
      ps.addBatch();
    }
    ps.executeBatch();
  }

  private static void writeVehicles(StatementCache sql, Map<Long, VehicleDelta> vehicles) throws SQLException {
    if (vehicles.isEmpty()) {
      return;
    }
    PreparedStatement ps = sql.get(
        "UPDATE vehicles SET samples_applied = samples_applied + ?, "
            + "last_seen_ms = CASE WHEN last_seen_ms IS NULL OR last_seen_ms < ? THEN ? ELSE last_seen_ms END, "
            + "last_stream_id = ? WHERE vehicle_id = ?");
    for (Map.Entry<Long, VehicleDelta> e : vehicles.entrySet()) {
      VehicleDelta d = e.getValue();
      ps.setLong(1, d.samples);
      // no time seen: compare with the smallest long, which never wins, and keep what is stored
      ps.setLong(2, d.lastSeen);
      if (d.lastSeen == Long.MIN_VALUE) {
        ps.setNull(3, Types.BIGINT);
      } else {
        ps.setLong(3, d.lastSeen);
      }
      ps.setLong(4, d.lastStream);
      ps.setLong(5, e.getKey());
      ps.addBatch();
    }
    ps.executeBatch();
  }
}
