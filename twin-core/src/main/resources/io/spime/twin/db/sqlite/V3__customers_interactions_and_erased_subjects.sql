-- customer master records, their interactions and the register of erased subjects
-- Released with schema version 3 of the hand-written migrations; never edit, add a new version.

CREATE TABLE customers (
  party TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  body TEXT NOT NULL);

CREATE TABLE customer_interactions (
  party TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  body TEXT NOT NULL);

CREATE INDEX customer_interactions_by_party ON customer_interactions (party, at_ms);

CREATE TABLE erased_subjects (
  party TEXT PRIMARY KEY,
  erased_ms INTEGER NOT NULL);
