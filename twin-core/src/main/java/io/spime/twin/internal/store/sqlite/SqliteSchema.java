package io.spime.twin.internal.store.sqlite;

import java.util.List;

/**
 * The versioned schema of the SQLite twin store. A migration is never edited once released; a change
 * is a new migration with the next version.
 */
final class SqliteSchema {
  /** {@code PRAGMA application_id} of a spime twin store: "SPTW". */
  static final int APPLICATION_ID = 0x53505457;

  static final List<Migration> MIGRATIONS =
      List.of(
          new Migration(
              1,
              "vehicles, telemetry streams, latest signal values and daily rollups",
              List.of(
                  """
                  CREATE TABLE vehicles (
                    vehicle_id INTEGER PRIMARY KEY,
                    vin TEXT NOT NULL UNIQUE,
                    samples_applied INTEGER NOT NULL DEFAULT 0,
                    last_seen_ms INTEGER,
                    last_stream_id INTEGER)""",
                  "CREATE INDEX vehicles_by_last_seen ON vehicles (last_seen_ms, vehicle_id)",
                  """
                  CREATE TABLE telemetry_streams (
                    vehicle_id INTEGER NOT NULL,
                    stream_id INTEGER NOT NULL,
                    durable_seq INTEGER NOT NULL,
                    PRIMARY KEY (vehicle_id, stream_id)) WITHOUT ROWID""",
                  """
                  CREATE TABLE signal_latest (
                    vehicle_id INTEGER NOT NULL,
                    signal_id INTEGER NOT NULL,
                    time_ms INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    num REAL,
                    txt TEXT,
                    PRIMARY KEY (vehicle_id, signal_id)) WITHOUT ROWID""",
                  """
                  CREATE TABLE signal_daily (
                    vehicle_id INTEGER NOT NULL,
                    signal_id INTEGER NOT NULL,
                    day INTEGER NOT NULL,
                    min_value REAL NOT NULL,
                    max_value REAL NOT NULL,
                    sum_value REAL NOT NULL,
                    sample_count INTEGER NOT NULL,
                    PRIMARY KEY (vehicle_id, signal_id, day)) WITHOUT ROWID""")),
          new Migration(
              2,
              "event journal, snapshots, twin heads and the fleet query tables",
              List.of(
                  "ALTER TABLE vehicles ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
                  "ALTER TABLE vehicles ADD COLUMN phase TEXT",
                  "ALTER TABLE vehicles ADD COLUMN make TEXT",
                  "ALTER TABLE vehicles ADD COLUMN model TEXT",
                  "ALTER TABLE vehicles ADD COLUMN model_year INTEGER",
                  "ALTER TABLE vehicles ADD COLUMN battery_soh REAL",
                  "ALTER TABLE vehicles ADD COLUMN battery_soh_ms INTEGER",
                  "CREATE INDEX vehicles_by_phase ON vehicles (phase, vehicle_id)",
                  "CREATE INDEX vehicles_by_model ON vehicles (make, model, model_year, vehicle_id)",
                  "CREATE INDEX vehicles_by_soh ON vehicles (battery_soh, vehicle_id)",
                  """
                  CREATE TABLE journal (
                    vehicle_id INTEGER NOT NULL,
                    revision INTEGER NOT NULL,
                    event_id TEXT NOT NULL,
                    occurred_ms INTEGER NOT NULL,
                    recorded_ms INTEGER NOT NULL,
                    source_kind TEXT NOT NULL,
                    source_id TEXT NOT NULL,
                    type TEXT NOT NULL,
                    subject TEXT,
                    body TEXT NOT NULL,
                    PRIMARY KEY (vehicle_id, revision))""",
                  "CREATE UNIQUE INDEX journal_by_event_id ON journal (event_id)",
                  "CREATE INDEX journal_by_time ON journal (vehicle_id, occurred_ms, revision)",
                  "CREATE INDEX journal_by_subject ON journal (subject) WHERE subject IS NOT NULL",
                  """
                  CREATE TABLE snapshots (
                    vehicle_id INTEGER NOT NULL,
                    revision INTEGER NOT NULL,
                    body TEXT NOT NULL,
                    PRIMARY KEY (vehicle_id, revision))""",
                  """
                  CREATE TABLE twin_heads (
                    vehicle_id INTEGER PRIMARY KEY,
                    revision INTEGER NOT NULL,
                    body TEXT NOT NULL)""",
                  """
                  CREATE TABLE open_dtcs (
                    code TEXT NOT NULL,
                    vehicle_id INTEGER NOT NULL,
                    PRIMARY KEY (code, vehicle_id)) WITHOUT ROWID""",
                  """
                  CREATE TABLE custody_parties (
                    party TEXT NOT NULL,
                    vehicle_id INTEGER NOT NULL,
                    role TEXT NOT NULL,
                    PRIMARY KEY (party, vehicle_id, role)) WITHOUT ROWID""",
                  """
                  CREATE TABLE agreement_ends (
                    end_day TEXT NOT NULL,
                    vehicle_id INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    reference TEXT NOT NULL,
                    PRIMARY KEY (end_day, vehicle_id, kind, reference)) WITHOUT ROWID""",
                  "CREATE INDEX agreement_ends_by_vehicle ON agreement_ends (vehicle_id)",
                  "CREATE INDEX custody_parties_by_vehicle ON custody_parties (vehicle_id)",
                  "CREATE INDEX open_dtcs_by_vehicle ON open_dtcs (vehicle_id)")),
          new Migration(
              3,
              "customer master records, their interactions and the register of erased subjects",
              List.of(
                  """
                  CREATE TABLE customers (
                    party TEXT PRIMARY KEY,
                    version INTEGER NOT NULL,
                    body TEXT NOT NULL)""",
                  """
                  CREATE TABLE customer_interactions (
                    party TEXT NOT NULL,
                    at_ms INTEGER NOT NULL,
                    body TEXT NOT NULL)""",
                  "CREATE INDEX customer_interactions_by_party ON customer_interactions (party, at_ms)",
                  """
                  CREATE TABLE erased_subjects (
                    party TEXT PRIMARY KEY,
                    erased_ms INTEGER NOT NULL)""")),
          new Migration(
              4,
              "compact journal clustered by vehicle: keyed by (vehicle, revision) without rowid, 16-byte "
                  + "event ids unique per vehicle, data subjects in their own table; time travel finds its "
                  + "start by snapshot time",
              List.of(
                  """
                  CREATE TABLE journal_v4 (
                    vehicle_id INTEGER NOT NULL,
                    revision INTEGER NOT NULL,
                    event_id BLOB NOT NULL,
                    occurred_ms INTEGER NOT NULL,
                    recorded_ms INTEGER NOT NULL,
                    source_kind TEXT NOT NULL,
                    source_id TEXT NOT NULL,
                    type TEXT NOT NULL,
                    subject TEXT,
                    body TEXT NOT NULL,
                    PRIMARY KEY (vehicle_id, revision)) WITHOUT ROWID""",
                  """
                  INSERT INTO journal_v4 SELECT vehicle_id, revision, unhex(replace(event_id, '-', '')), occurred_ms,
                    recorded_ms, source_kind, source_id, type, subject, body FROM journal""",
                  "DROP TABLE journal",
                  "ALTER TABLE journal_v4 RENAME TO journal",
                  "CREATE UNIQUE INDEX journal_by_event_id ON journal (vehicle_id, event_id)",
                  """
                  CREATE TABLE data_subjects (
                    subject TEXT NOT NULL,
                    vehicle_id INTEGER NOT NULL,
                    PRIMARY KEY (subject, vehicle_id)) WITHOUT ROWID""",
                  """
                  INSERT INTO data_subjects (subject, vehicle_id)
                    SELECT DISTINCT subject, vehicle_id FROM journal WHERE subject IS NOT NULL""",
                  "ALTER TABLE snapshots ADD COLUMN occurred_ms INTEGER NOT NULL DEFAULT 0",
                  """
                  UPDATE snapshots SET occurred_ms = (SELECT j.occurred_ms FROM journal j
                    WHERE j.vehicle_id = snapshots.vehicle_id AND j.revision = snapshots.revision)""",
                  "CREATE INDEX snapshots_by_time ON snapshots (vehicle_id, occurred_ms, revision)")),
          new Migration(
              5,
              "every kind of uplink message: car events, refused twin events, quarantined messages, and the "
                  + "car's connectivity status on the vehicle row",
              List.of(
                  """
                  CREATE TABLE car_events (
                    vehicle_id INTEGER NOT NULL,
                    event_id TEXT NOT NULL,
                    time_ms INTEGER NOT NULL,
                    category TEXT NOT NULL,
                    priority TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    attributes TEXT NOT NULL,
                    received_ms INTEGER NOT NULL,
                    PRIMARY KEY (vehicle_id, event_id)) WITHOUT ROWID""",
                  "CREATE INDEX car_events_by_time ON car_events (vehicle_id, time_ms)",
                  """
                  CREATE TABLE refused_twin_events (
                    id INTEGER PRIMARY KEY,
                    vehicle_id INTEGER NOT NULL,
                    stream_id INTEGER NOT NULL,
                    seq INTEGER NOT NULL,
                    event_ids TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    refused_ms INTEGER NOT NULL)""",
                  "CREATE INDEX refused_twin_events_by_vehicle ON refused_twin_events (vehicle_id, id)",
                  """
                  CREATE TABLE quarantine (
                    id INTEGER PRIMARY KEY,
                    vehicle_id INTEGER NOT NULL,
                    stream_id INTEGER NOT NULL,
                    seq INTEGER NOT NULL,
                    boot_id INTEGER NOT NULL,
                    topic TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    received_ms INTEGER NOT NULL)""",
                  "CREATE INDEX quarantine_by_vehicle ON quarantine (vehicle_id, id)",
                  "ALTER TABLE vehicles ADD COLUMN online INTEGER",
                  "ALTER TABLE vehicles ADD COLUMN online_since_ms INTEGER",
                  "ALTER TABLE vehicles ADD COLUMN status_ms INTEGER",
                  "ALTER TABLE vehicles ADD COLUMN status_boot_id INTEGER",
                  "CREATE INDEX vehicles_by_online ON vehicles (online, vehicle_id)")));

  private SqliteSchema() {}

  static int latestVersion() {
    return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
  }
}
