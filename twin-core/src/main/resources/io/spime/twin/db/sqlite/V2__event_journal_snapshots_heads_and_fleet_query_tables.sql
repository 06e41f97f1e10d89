-- event journal, snapshots, twin heads and the fleet query tables
-- Released with schema version 2 of the hand-written migrations; never edit, add a new version.

ALTER TABLE vehicles ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

ALTER TABLE vehicles ADD COLUMN phase TEXT;

ALTER TABLE vehicles ADD COLUMN make TEXT;

ALTER TABLE vehicles ADD COLUMN model TEXT;

ALTER TABLE vehicles ADD COLUMN model_year INTEGER;

ALTER TABLE vehicles ADD COLUMN battery_soh REAL;

ALTER TABLE vehicles ADD COLUMN battery_soh_ms INTEGER;

CREATE INDEX vehicles_by_phase ON vehicles (phase, vehicle_id);

CREATE INDEX vehicles_by_model ON vehicles (make, model, model_year, vehicle_id);

CREATE INDEX vehicles_by_soh ON vehicles (battery_soh, vehicle_id);

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
  PRIMARY KEY (vehicle_id, revision));

CREATE UNIQUE INDEX journal_by_event_id ON journal (event_id);

CREATE INDEX journal_by_time ON journal (vehicle_id, occurred_ms, revision);

CREATE INDEX journal_by_subject ON journal (subject) WHERE subject IS NOT NULL;

CREATE TABLE snapshots (
  vehicle_id INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (vehicle_id, revision));

CREATE TABLE twin_heads (
  vehicle_id INTEGER PRIMARY KEY,
  revision INTEGER NOT NULL,
  body TEXT NOT NULL);

CREATE TABLE open_dtcs (
  code TEXT NOT NULL,
  vehicle_id INTEGER NOT NULL,
  PRIMARY KEY (code, vehicle_id)) WITHOUT ROWID;

CREATE TABLE custody_parties (
  party TEXT NOT NULL,
  vehicle_id INTEGER NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (party, vehicle_id, role)) WITHOUT ROWID;

CREATE TABLE agreement_ends (
  end_day TEXT NOT NULL,
  vehicle_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  reference TEXT NOT NULL,
  PRIMARY KEY (end_day, vehicle_id, kind, reference)) WITHOUT ROWID;

CREATE INDEX agreement_ends_by_vehicle ON agreement_ends (vehicle_id);

CREATE INDEX custody_parties_by_vehicle ON custody_parties (vehicle_id);

CREATE INDEX open_dtcs_by_vehicle ON open_dtcs (vehicle_id);
