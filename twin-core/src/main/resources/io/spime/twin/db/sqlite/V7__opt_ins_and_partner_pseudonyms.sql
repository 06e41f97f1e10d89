-- opt-ins with a purpose (history: rows are inserted, only their withdrawal is set later) and the
-- pseudonyms by which partners know customers

CREATE TABLE opt_ins (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer TEXT NOT NULL,
  purpose_kind TEXT NOT NULL,
  purpose_scope TEXT NOT NULL,
  recipient TEXT NOT NULL,
  text_version TEXT NOT NULL,
  channel TEXT NOT NULL,
  given_ms INTEGER NOT NULL,
  withdrawn_ms INTEGER,
  withdrawn_channel TEXT);

CREATE INDEX opt_ins_by_purpose ON opt_ins (customer, purpose_kind, purpose_scope, recipient, id);

CREATE TABLE partner_pseudonyms (
  partner TEXT NOT NULL,
  pseudonym TEXT NOT NULL,
  customer TEXT NOT NULL,
  PRIMARY KEY (partner, pseudonym),
  UNIQUE (partner, customer)) WITHOUT ROWID;

CREATE INDEX partner_pseudonyms_by_customer ON partner_pseudonyms (customer);
