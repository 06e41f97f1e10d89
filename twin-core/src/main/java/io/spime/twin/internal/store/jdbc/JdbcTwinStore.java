package io.spime.twin.internal.store.jdbc;

import io.spime.twin.AppendRequest;
import io.spime.twin.AppendResult;
import io.spime.twin.CustomerOptIns;
import io.spime.twin.JournalEntry;
import io.spime.twin.Twin;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStoreOptions;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Viewer;
import io.spime.twin.customer.CustomerProfile;
import io.spime.twin.customer.CustomerRecord;
import io.spime.twin.customer.ErasureReport;
import io.spime.twin.customer.Interaction;
import io.spime.twin.exceptions.UnknownVehicleException;
import io.spime.twin.experience.RenewalPage;
import io.spime.twin.experience.RenewalQuery;
import io.spime.twin.experience.TimelinePage;
import io.spime.twin.experience.TimelineQuery;
import io.spime.twin.experience.Touchpoint;
import io.spime.twin.fleet.CarEvent;
import io.spime.twin.fleet.Connectivity;
import io.spime.twin.fleet.DailyRollup;
import io.spime.twin.fleet.FleetPage;
import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.fleet.SignalReading;
import io.spime.twin.ingest.QuarantinedMessage;
import io.spime.twin.ingest.RefusedEvents;
import io.spime.twin.ingest.StatusReport;
import io.spime.twin.ingest.StreamProgress;
import io.spime.twin.ingest.UplinkApplyResult;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.twin.internal.Checks;
import io.spime.twin.internal.export.SpimeRecordWriter;
import io.spime.wire.AssetId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The twin store on an SQL database (SQLite or PostgreSQL); what differs is behind {@link Dialect}. */
public final class JdbcTwinStore implements TwinStore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcTwinStore.class);

  private final Database db;
  private final TwinStoreOptions options;
  private final VehicleIds ids;
  private final HeadCache heads;
  private final ParsedHeads parsedHeads = new ParsedHeads(4_096);
  private final JournalWriter journal;
  private final UplinkWriter uplink;
  private final Erasure erasure;
  private final JdbcOptIns optIns;

  /** A store on this database, which it closes on {@link #close()}. */
  public JdbcTwinStore(Database db, TwinStoreOptions options) {
    this.db = Objects.requireNonNull(db, "db");
    this.options = Objects.requireNonNull(options, "options");
    this.ids = new VehicleIds(db.dialect());
    this.heads = new HeadCache(db.dialect().sharedWriters() ? 0 : 10_000);
    this.journal = new JournalWriter(options, heads, db.dialect());
    TelemetryWriter telemetry = new TelemetryWriter(options.trendSignals(), db.dialect().signalUpserts());
    this.uplink = new UplinkWriter(options, telemetry, journal);
    this.erasure = new Erasure(options);
    this.optIns = new JdbcOptIns(db);
    db.onForeignCommit(heads::clear);
    if (db.read("looking for one-off tasks", StoreTasks::pending)) {
      int indexed = db.write("indexing the agreements and touchpoint events of schema versions before 6",
          StoreTasks::indexExperience);
      LOG.info("indexed {} cars with agreements and touchpoint events held before the renewal index", indexed);
    }
  }

  @Override
  public List<AppendResult> appendAll(List<AppendRequest> requests) {
    Objects.requireNonNull(requests, "requests");
    requests.forEach(r -> Objects.requireNonNull(r, "request"));
    if (requests.isEmpty()) {
      return List.of();
    }
    VehicleIds.Pending pending = ids.begin();
    JournalWriter.Outcome outcome =
        db.write("appending events to " + requests.size() + " vehicles", sql -> {
          pending.lockAll(sql.connection(), requests.stream().map(AppendRequest::vin).toList());
          return journal.append(sql, pending, requests);
        }, committed -> {
          pending.publish();
          heads.putAll(committed.heads);
        });
    return outcome.results;
  }

  @Override
  public Optional<Twin> twin(AssetId vin) {
    Objects.requireNonNull(vin, "vin");
    return readVehicle("reading the twin of " + vin, vin, Optional.empty(),
        (c, id) -> Optional.of(JournalReader.head(c, id, vin, parsedHeads)));
  }

  @Override
  public Map<AssetId, Twin> twins(Collection<AssetId> vins) {
    List<AssetId> wanted = List.copyOf(new LinkedHashSet<>(List.copyOf(vins)));
    return wanted.isEmpty() ? Map.of() : db.read("reading the twins of " + wanted.size() + " vehicles",
        c -> GroupHeads.read(c, ids.findAll(c, wanted), parsedHeads));
  }

  @Override
  public Optional<Twin> asOf(AssetId vin, Instant instant) {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(instant, "instant");
    return readVehicle("reading the twin of " + vin + " as of " + instant, vin, Optional.empty(),
        (c, id) -> JournalReader.asOf(c, id, vin, instant));
  }

  @Override
  public Optional<Twin> atRevision(AssetId vin, long revision) {
    Objects.requireNonNull(vin, "vin");
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be 1 or more, was " + revision);
    }
    return readVehicle("reading revision " + revision + " of " + vin, vin, Optional.empty(), (c, id) -> {
      Twin head = JournalReader.head(c, id, vin);
      if (revision > head.revision()) {
        return Optional.<Twin>empty();
      }
      return Optional.of(revision == head.revision() ? head : JournalReader.atRevision(c, id, vin, revision));
    });
  }

  @Override
  public List<JournalEntry> history(AssetId vin, long afterRevision, int limit) {
    Objects.requireNonNull(vin, "vin");
    if (afterRevision < 0) {
      throw new IllegalArgumentException("afterRevision must be 0 or more, was " + afterRevision);
    }
    Checks.limit(limit);
    return readVehicle("reading the journal of " + vin, vin, List.of(),
        (c, id) -> JournalReader.entries(c, id, vin, afterRevision, afterRevision + limit));
  }

  @Override
  public UplinkApplyResult applyUplink(List<UplinkMessage> messages) {
    Objects.requireNonNull(messages, "messages");
    messages.forEach(m -> Objects.requireNonNull(m, "message"));
    return apply("applying " + messages.size() + " uplink messages", messages);
  }

  private UplinkApplyResult apply(String doing, List<UplinkMessage> messages) {
    VehicleIds.Pending pending = ids.begin();
    UplinkWriter.Outcome outcome = db.write(doing, sql -> {
      pending.lockAll(sql.connection(), messages.stream().map(UplinkMessage::vin).toList());
      return uplink.apply(sql, pending, messages);
    }, committed -> {
      pending.publish();
      heads.putAll(committed.heads());
    });
    return outcome.result();
  }

  @Override
  public List<CarEvent> carEvents(AssetId vin, Instant from, int limit) {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(from, "from");
    Checks.limit(limit);
    return readVehicle("reading the car events of " + vin, vin, List.of(),
        (c, id) -> UplinkReader.carEvents(c, id, from, limit));
  }

  @Override
  public List<QuarantinedMessage> quarantined(AssetId vin, int limit) {
    Objects.requireNonNull(vin, "vin");
    Checks.limit(limit);
    return readVehicle("reading the quarantined messages of " + vin, vin, List.of(),
        (c, id) -> UplinkReader.quarantined(c, id, limit));
  }

  @Override
  public List<RefusedEvents> refusedTwinEvents(AssetId vin, int limit) {
    Objects.requireNonNull(vin, "vin");
    Checks.limit(limit);
    return readVehicle("reading the refused twin events of " + vin, vin, List.of(),
        (c, id) -> UplinkReader.refused(c, id, limit));
  }

  @Override
  public void recordConnectivity(List<StatusReport> statuses) {
    List<StatusReport> all = List.copyOf(statuses);
    VehicleIds.Pending pending = ids.begin();
    db.write("recording the connectivity of " + (all.size() == 1 ? all.get(0).vin() : all.size() + " cars"),
        sql -> {
          UplinkRows.connectivity(sql, pending, all);
          return null;
        }, committed -> pending.publish());
  }

  @Override
  public Optional<Connectivity> connectivity(AssetId vin) {
    Objects.requireNonNull(vin, "vin");
    return readVehicle("reading the connectivity of " + vin, vin, Optional.empty(), UplinkReader::connectivity);
  }

  /** Work on one known vehicle, by its id. */
  private interface VehicleWork<T> {
    T run(Connection c, long vehicleId) throws SQLException;
  }

  /** Reads with the vehicle's id; {@code ifUnknown} if the store has never heard of the vehicle. */
  private <T> T readVehicle(String doing, AssetId vin, T ifUnknown, VehicleWork<T> work) {
    return db.read(doing, c -> {
      Optional<Long> id = ids.find(c, vin);
      return id.isEmpty() ? ifUnknown : work.run(c, id.get());
    });
  }

  @Override
  public Map<Integer, SignalReading> latestSignals(AssetId vin) {
    Objects.requireNonNull(vin, "vin");
    return readVehicle("reading the latest signals of " + vin, vin, new TreeMap<>(), TelemetryReader::latest);
  }

  @Override
  public long samplesApplied(AssetId vin) {
    Objects.requireNonNull(vin, "vin");
    return db.read("reading the sample count of " + vin, c -> TelemetryReader.samplesApplied(c, vin));
  }

  @Override
  public Optional<StreamProgress> streamProgress(AssetId vin) {
    Objects.requireNonNull(vin, "vin");
    return db.read("reading the stream progress of " + vin, c -> TelemetryReader.streamProgress(c, vin));
  }

  @Override
  public FleetPage fleet(FleetQuery query, PageRequest page) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(page, "page");
    return db.read("querying the fleet: " + query, c -> FleetReader.page(c, query, page));
  }

  @Override
  public List<DailyRollup> dailyRollups(AssetId vin, int signalId, LocalDate from, LocalDate to) {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " is before from " + from);
    }
    return readVehicle("reading daily rollups of " + vin, vin, List.of(),
        (c, id) -> TelemetryReader.rollups(c, id, signalId, from.toEpochDay(), to.toEpochDay()));
  }

  /** The query plan of a fleet query's first page, one line per plan step (for tests and tuning). */
  public List<String> explain(FleetQuery query) {
    return db.read("explaining " + query, c -> FleetReader.explain(c, db.dialect(), query));
  }

  @Override
  public CustomerRecord putCustomer(PartyId id, long expectedVersion, CustomerProfile profile) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(profile, "profile");
    return db.write("writing customer " + id, sql -> Customers.put(sql.connection(), id, expectedVersion, profile));
  }

  @Override
  public void recordInteraction(PartyId id, Interaction interaction) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(interaction, "interaction");
    db.write("recording an interaction of customer " + id, sql -> {
      Customers.interact(sql.connection(), id, interaction);
      return null;
    });
  }

  @Override
  public Optional<CustomerRecord> customer(PartyId id) {
    Objects.requireNonNull(id, "id");
    return db.read("reading customer " + id, c -> Customers.find(c, id));
  }

  @Override
  public ErasureReport eraseSubject(PartyId subject) {
    Objects.requireNonNull(subject, "subject");
    if (subject.equals(PartyId.ERASED)) {
      throw new IllegalArgumentException("'" + subject + "' is the placeholder of erased subjects");
    }
    Erasure.Outcome outcome = db.write("erasing data subject " + subject, sql -> erasure.erase(sql, ids.begin(), subject),
        committed -> heads.putAll(committed.heads()));
    LOG.info("erased data subject {}: {}", subject, outcome.report());
    return outcome.report();
  }

  @Override
  public String export(AssetId vin, Viewer viewer) {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(viewer, "viewer");
    return db.read("exporting the record of " + vin, c -> {
      long id = ids.find(c, vin).orElseThrow(() -> new UnknownVehicleException("there is no vehicle " + vin));
      Twin head = JournalReader.head(c, id, vin);
      List<JournalEntry> journal = JournalReader.entries(c, id, vin, 0, head.revision());
      List<DailyRollup> health = TelemetryReader.rollups(c, id, TelemetryWriter.STATE_OF_HEALTH_SIGNAL, Long.MIN_VALUE, Long.MAX_VALUE);
      return SpimeRecordWriter.write(head, journal, health, TelemetryReader.latest(c, id), viewer, options.clock().instant());
    });
  }

  @Override
  public void recordTouchpoint(Touchpoint touchpoint) {
    Objects.requireNonNull(touchpoint, "touchpoint");
    db.write("recording touchpoint " + touchpoint.id() + " of customer " + touchpoint.customer(), sql -> {
      Touchpoints.record(sql.connection(), touchpoint);
      return null;
    });
  }

  @Override
  public TimelinePage timeline(TimelineQuery query, PageRequest page) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(page, "page");
    return db.read("reading the timeline of customer " + query.customer(), c -> Touchpoints.timeline(c, query, page));
  }

  @Override
  public RenewalPage renewals(RenewalQuery query, PageRequest page) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(page, "page");
    return db.read("ranking the renewals due from " + query.today() + " to " + query.lastDay(),
        c -> Renewals.page(c, query, page));
  }

  @Override
  public CustomerOptIns optIns() {
    return optIns;
  }

  @Override
  public void close() {
    db.close();
  }
}
