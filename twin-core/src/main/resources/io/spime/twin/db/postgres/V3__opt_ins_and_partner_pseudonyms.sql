-- opt-ins with a purpose (history: rows are inserted, only their withdrawal is set later) and the
-- pseudonyms by which partners know customers; the same tables as version 7 of the SQLite store.

CREATE TABLE opt_ins (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer text COLLATE "C" NOT NULL,
  purpose_kind text COLLATE "C" NOT NULL,
  purpose_scope text COLLATE "C" NOT NULL,
  recipient text COLLATE "C" NOT NULL,
  text_version text COLLATE "C" NOT NULL,
  channel text COLLATE "C" NOT NULL,
  given_ms bigint NOT NULL,
  withdrawn_ms bigint,
  withdrawn_channel text COLLATE "C");
CREATE INDEX opt_ins_by_purpose ON opt_ins (customer, purpose_kind, purpose_scope, recipient, id);

CREATE TABLE partner_pseudonyms (
  partner text COLLATE "C" NOT NULL,
  pseudonym text COLLATE "C" NOT NULL,
  customer text COLLATE "C" NOT NULL,
  PRIMARY KEY (partner, pseudonym),
  UNIQUE (partner, customer));
CREATE INDEX partner_pseudonyms_by_customer ON partner_pseudonyms (customer);
