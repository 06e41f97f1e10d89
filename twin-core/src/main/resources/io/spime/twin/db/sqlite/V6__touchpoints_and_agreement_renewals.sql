-- touchpoints through the customer's journey, and the agreements' renewal index (due day, customer, term start)

CREATE TABLE touchpoints (
  id TEXT PRIMARY KEY,
  customer TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER,
  phase TEXT NOT NULL,
  channel TEXT NOT NULL,
  vin TEXT,
  agreement_kind TEXT,
  agreement_ref TEXT,
  answered INTEGER NOT NULL,
  resolved INTEGER NOT NULL,
  satisfaction INTEGER);

CREATE INDEX touchpoints_by_customer ON touchpoints (customer, start_ms, id);

CREATE TABLE agreement_renewals (
  due_day TEXT NOT NULL,
  vehicle_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  reference TEXT NOT NULL,
  customer TEXT NOT NULL,
  start_day TEXT NOT NULL,
  PRIMARY KEY (due_day, vehicle_id, kind, reference)) WITHOUT ROWID;

CREATE INDEX agreement_renewals_by_vehicle ON agreement_renewals (vehicle_id);

-- One-off tasks the store runs when it opens after this migration: a store with a journal indexes the
-- agreements and touchpoint events it already holds.
CREATE TABLE store_tasks (
  task TEXT PRIMARY KEY);
INSERT INTO store_tasks (task) SELECT 'index-agreements-and-touchpoints' WHERE EXISTS (SELECT 1 FROM journal);
