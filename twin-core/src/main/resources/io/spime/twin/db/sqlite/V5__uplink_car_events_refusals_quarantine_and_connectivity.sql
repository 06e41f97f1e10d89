-- every kind of uplink message: car events, refused twin events, quarantined messages, and the car's connectivity status on the vehicle row
-- Released with schema version 5 of the hand-written migrations; never edit, add a new version.

CREATE TABLE car_events (
  vehicle_id INTEGER NOT NULL,
  event_id TEXT NOT NULL,
  time_ms INTEGER NOT NULL,
  category TEXT NOT NULL,
  priority TEXT NOT NULL,
  kind TEXT NOT NULL,
  attributes TEXT NOT NULL,
  received_ms INTEGER NOT NULL,
  PRIMARY KEY (vehicle_id, event_id)) WITHOUT ROWID;

CREATE INDEX car_events_by_time ON car_events (vehicle_id, time_ms);

CREATE TABLE refused_twin_events (
  id INTEGER PRIMARY KEY,
  vehicle_id INTEGER NOT NULL,
  stream_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  event_ids TEXT NOT NULL,
  reason TEXT NOT NULL,
  refused_ms INTEGER NOT NULL);

CREATE INDEX refused_twin_events_by_vehicle ON refused_twin_events (vehicle_id, id);

CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY,
  vehicle_id INTEGER NOT NULL,
  stream_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  boot_id INTEGER NOT NULL,
  topic TEXT NOT NULL,
  reason TEXT NOT NULL,
  payload BLOB NOT NULL,
  received_ms INTEGER NOT NULL);

CREATE INDEX quarantine_by_vehicle ON quarantine (vehicle_id, id);

ALTER TABLE vehicles ADD COLUMN online INTEGER;

ALTER TABLE vehicles ADD COLUMN online_since_ms INTEGER;

ALTER TABLE vehicles ADD COLUMN status_ms INTEGER;

ALTER TABLE vehicles ADD COLUMN status_boot_id INTEGER;

CREATE INDEX vehicles_by_online ON vehicles (online, vehicle_id);
