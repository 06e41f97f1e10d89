-- vehicles, telemetry streams, latest signal values and daily rollups
-- Released with schema version 1 of the hand-written migrations; never edit, add a new version.

CREATE TABLE vehicles (
  vehicle_id INTEGER PRIMARY KEY,
  vin TEXT NOT NULL UNIQUE,
  samples_applied INTEGER NOT NULL DEFAULT 0,
  last_seen_ms INTEGER,
  last_stream_id INTEGER);

CREATE INDEX vehicles_by_last_seen ON vehicles (last_seen_ms, vehicle_id);

CREATE TABLE telemetry_streams (
  vehicle_id INTEGER NOT NULL,
  stream_id INTEGER NOT NULL,
  durable_seq INTEGER NOT NULL,
  PRIMARY KEY (vehicle_id, stream_id)) WITHOUT ROWID;

CREATE TABLE signal_latest (
  vehicle_id INTEGER NOT NULL,
  signal_id INTEGER NOT NULL,
  time_ms INTEGER NOT NULL,
  kind TEXT NOT NULL,
  num REAL,
  txt TEXT,
  PRIMARY KEY (vehicle_id, signal_id)) WITHOUT ROWID;

CREATE TABLE signal_daily (
  vehicle_id INTEGER NOT NULL,
  signal_id INTEGER NOT NULL,
  day INTEGER NOT NULL,
  min_value REAL NOT NULL,
  max_value REAL NOT NULL,
  sum_value REAL NOT NULL,
  sample_count INTEGER NOT NULL,
  PRIMARY KEY (vehicle_id, signal_id, day)) WITHOUT ROWID;
