package io.spime.twin;

/** Which kind of system or actor reported an event. */
public enum SourceKind {
  FACTORY,
  LOGISTICS,
  DEALER,
  WORKSHOP,
  VEHICLE,
  BACKEND,
  CUSTOMER,
  AUTHORITY,
  RECYCLER
}
