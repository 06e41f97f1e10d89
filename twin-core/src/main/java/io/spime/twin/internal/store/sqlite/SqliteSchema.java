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
                    PRIMARY KEY (vehicle_id, signal_id, day)) WITHOUT ROWID""")));

  private SqliteSchema() {}

  static int latestVersion() {
    return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
  }
}
