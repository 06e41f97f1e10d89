-- touchpoints through the customer's journey, and the agreements' renewal index (due day, customer,
-- term start); the same tables as version 6 of the SQLite store. Neither is partitioned: touchpoints
-- are keyed by customer (many have no car), renewals change only with a car's agreements.

CREATE TABLE touchpoints (
  id text COLLATE "C" PRIMARY KEY,
  customer text COLLATE "C" NOT NULL,
  start_ms bigint NOT NULL,
  end_ms bigint,
  phase text COLLATE "C" NOT NULL,
  channel text COLLATE "C" NOT NULL,
  vin text COLLATE "C",
  agreement_kind text COLLATE "C",
  agreement_ref text COLLATE "C",
  answered integer NOT NULL,
  resolved integer NOT NULL,
  satisfaction integer);
CREATE INDEX touchpoints_by_customer ON touchpoints (customer, start_ms, id);

CREATE TABLE agreement_renewals (
  due_day text COLLATE "C" NOT NULL,
  vehicle_id bigint NOT NULL,
  kind text COLLATE "C" NOT NULL,
  reference text COLLATE "C" NOT NULL,
  customer text COLLATE "C" NOT NULL,
  start_day text COLLATE "C" NOT NULL,
  PRIMARY KEY (due_day, vehicle_id, kind, reference));
CREATE INDEX agreement_renewals_by_vehicle ON agreement_renewals (vehicle_id);

-- One-off tasks the store runs when it opens after this migration: a store with a journal indexes the
-- agreements and touchpoint events it already holds.
CREATE TABLE store_tasks (
  task text COLLATE "C" PRIMARY KEY);
INSERT INTO store_tasks (task) SELECT 'index-agreements-and-touchpoints' WHERE EXISTS (SELECT 1 FROM journal);
