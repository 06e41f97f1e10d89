-- compact journal clustered by vehicle: keyed by (vehicle, revision) without rowid, 16-byte event ids unique per vehicle, data subjects in their own table; time travel finds its start by snapshot time
-- Released with schema version 4 of the hand-written migrations; never edit, add a new version.

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
  PRIMARY KEY (vehicle_id, revision)) WITHOUT ROWID;

INSERT INTO journal_v4 SELECT vehicle_id, revision, unhex(replace(event_id, '-', '')), occurred_ms,
  recorded_ms, source_kind, source_id, type, subject, body FROM journal;

DROP TABLE journal;

ALTER TABLE journal_v4 RENAME TO journal;

CREATE UNIQUE INDEX journal_by_event_id ON journal (vehicle_id, event_id);

CREATE TABLE data_subjects (
  subject TEXT NOT NULL,
  vehicle_id INTEGER NOT NULL,
  PRIMARY KEY (subject, vehicle_id)) WITHOUT ROWID;

INSERT INTO data_subjects (subject, vehicle_id)
  SELECT DISTINCT subject, vehicle_id FROM journal WHERE subject IS NOT NULL;

ALTER TABLE snapshots ADD COLUMN occurred_ms INTEGER NOT NULL DEFAULT 0;

UPDATE snapshots SET occurred_ms = (SELECT j.occurred_ms FROM journal j
  WHERE j.vehicle_id = snapshots.vehicle_id AND j.revision = snapshots.revision);

CREATE INDEX snapshots_by_time ON snapshots (vehicle_id, occurred_ms, revision);
