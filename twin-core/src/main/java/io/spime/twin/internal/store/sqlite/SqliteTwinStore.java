package io.spime.twin.internal.store.sqlite;

import io.spime.twin.AppendRequest;
import io.spime.twin.CustomerProfile;
import io.spime.twin.CustomerRecord;
import io.spime.twin.ErasureReport;
import io.spime.twin.Interaction;
import io.spime.twin.PartyId;
import io.spime.twin.UnknownVehicleException;
import io.spime.twin.Viewer;
import io.spime.twin.internal.export.SpimeRecordWriter;
import io.spime.twin.DailyRollup;
import io.spime.twin.FleetPage;
import io.spime.twin.FleetQuery;
import io.spime.twin.PageRequest;
import io.spime.twin.AppendResult;
import io.spime.twin.JournalEntry;
import io.spime.twin.SignalReading;
import io.spime.twin.Twin;
import io.spime.twin.TwinStoreOptions;
import io.spime.twin.StreamProgress;
import io.spime.twin.TelemetryApplyResult;
import io.spime.twin.TwinStore;
import io.spime.wire.TelemetryBatch;
import io.spime.wire.Vin;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SQLite twin store. */
public final class SqliteTwinStore implements TwinStore {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteTwinStore.class);

  private final SqliteDatabase db;
  private final TwinStoreOptions options;
  private final VehicleIds ids = new VehicleIds();
  private final HeadCache heads = new HeadCache(10_000);
  private final TelemetryWriter telemetry;
  private final JournalWriter journal;
  private final Erasure erasure;

  private SqliteTwinStore(SqliteDatabase db, TwinStoreOptions options) {
    this.db = db;
    this.options = options;
    this.telemetry = new TelemetryWriter(options.trendSignals());
    this.journal = new JournalWriter(options, heads);
    this.erasure = new Erasure(options);
  }

  public static SqliteTwinStore open(Path file, TwinStoreOptions options) {
    String synchronous = options.durability() == TwinStoreOptions.Durability.POWER_LOSS_SAFE ? "FULL" : "NORMAL";
    return new SqliteTwinStore(SqliteDatabase.open(file, synchronous), options);
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
        db.write("appending events to " + requests.size() + " vehicles", sql -> journal.append(sql, pending, requests));
    pending.publish();
    heads.putAll(outcome.heads);
    return outcome.results;
  }

  @Override
  public Optional<Twin> twin(Vin vin) {
    Objects.requireNonNull(vin, "vin");
    return db.read("reading the twin of " + vin, c -> {
      Optional<Long> id = ids.find(c, vin);
      return id.isEmpty() ? Optional.<Twin>empty() : Optional.of(JournalReader.head(c, id.get(), vin));
    });
  }

  @Override
  public Optional<Twin> asOf(Vin vin, Instant instant) {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(instant, "instant");
    return db.read("reading the twin of " + vin + " as of " + instant, c -> {
      Optional<Long> id = ids.find(c, vin);
      if (id.isEmpty()) {
        return Optional.<Twin>empty();
      }
      return JournalReader.asOf(c, id.get(), vin, instant);
    });
  }

  @Override
  public Optional<Twin> atRevision(Vin vin, long revision) {
    Objects.requireNonNull(vin, "vin");
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be 1 or more, was " + revision);
    }
    return db.read("reading revision " + revision + " of " + vin, c -> {
      Optional<Long> id = ids.find(c, vin);
      if (id.isEmpty()) {
        return Optional.<Twin>empty();
      }
      Twin head = JournalReader.head(c, id.get(), vin);
      if (revision > head.revision()) {
        return Optional.<Twin>empty();
      }
      return Optional.of(revision == head.revision() ? head : JournalReader.atRevision(c, id.get(), vin, revision));
    });
  }

  @Override
  public List<JournalEntry> history(Vin vin, long afterRevision, int limit) {
    Objects.requireNonNull(vin, "vin");
    if (afterRevision < 0) {
      throw new IllegalArgumentException("afterRevision must be 0 or more, was " + afterRevision);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
    }
    return db.read("reading the journal of " + vin, c -> {
      Optional<Long> id = ids.find(c, vin);
      return id.isEmpty()
          ? List.<JournalEntry>of()
          : JournalReader.entries(c, id.get(), vin, afterRevision, afterRevision + limit);
    });
  }

  @Override
  public TelemetryApplyResult applyTelemetry(List<TelemetryBatch> batches) {
    Objects.requireNonNull(batches, "batches");
    VehicleIds.Pending pending = ids.begin();
    TelemetryApplyResult result =
        db.write(
            "applying " + batches.size() + " telemetry batches",
            sql -> telemetry.apply(sql, pending, batches));
    pending.publish();
    return result;
  }

  @Override
  public Map<Integer, SignalReading> latestSignals(Vin vin) {
    Objects.requireNonNull(vin, "vin");
    return db.read(
        "reading the latest signals of " + vin,
        c -> {
          Optional<Long> id = ids.find(c, vin);
          return id.isEmpty() ? new TreeMap<Integer, SignalReading>() : TelemetryReader.latest(c, id.get());
        });
  }

  @Override
  public long samplesApplied(Vin vin) {
    Objects.requireNonNull(vin, "vin");
    return db.read(
        "reading the sample count of " + vin,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT samples_applied FROM vehicles WHERE vin = ?")) {
            ps.setString(1, vin.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getLong(1) : 0L;
            }
          }
        });
  }

  @Override
  public Optional<StreamProgress> streamProgress(Vin vin) {
    Objects.requireNonNull(vin, "vin");
    return db.read(
        "reading the stream progress of " + vin,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT s.stream_id, s.durable_seq FROM vehicles v JOIN telemetry_streams s "
                      + "ON s.vehicle_id = v.vehicle_id AND s.stream_id = v.last_stream_id WHERE v.vin = ?")) {
            ps.setString(1, vin.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new StreamProgress(vin, rs.getLong(1), rs.getLong(2)))
                  : Optional.<StreamProgress>empty();
            }
          }
        });
  }

  @Override
  public FleetPage fleet(FleetQuery query, PageRequest page) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(page, "page");
    return db.read("querying the fleet: " + query, c -> FleetReader.page(c, query, page));
  }

  @Override
  public List<DailyRollup> dailyRollups(Vin vin, int signalId, LocalDate from, LocalDate to) {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " is before from " + from);
    }
    return db.read("reading daily rollups of " + vin, c -> {
        Optional<Long> id = ids.find(c, vin);
      if (id.isEmpty()) {
        return List.<DailyRollup>of();
      }
      return TelemetryReader.rollups(c, id.get(), signalId, from.toEpochDay(), to.toEpochDay());
    });
  }

  /** The SQLite query plan of a fleet query's first page, one line per plan step (for tests and tuning). */
  public List<String> explain(FleetQuery query) {
    FleetSql.Plan plan = FleetSql.plan(query, null, 10);
    return db.read("explaining " + query, c -> {
      List<String> lines = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + plan.sql())) {
        FleetReader.bind(ps, plan.params());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            lines.add(rs.getString("detail"));
          }
        }
      }
      return lines;
    });
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
    Erasure.Outcome outcome = db.write("erasing data subject " + subject, sql -> erasure.erase(sql, subject));
    heads.putAll(outcome.heads());
    LOG.info("erased data subject {}: {}", subject, outcome.report());
    return outcome.report();
  }

  @Override
  public String export(Vin vin, Viewer viewer) {
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
  public void close() {
    db.close();
  }
}
