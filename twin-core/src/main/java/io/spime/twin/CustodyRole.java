package io.spime.twin;

/** The roles a party can hold over a car; each role is held by at most one party at a time. */
public enum CustodyRole {
  /** Legal owner. */
  OWNER,
  /** Registered keeper. */
  KEEPER,
  /** Lessee of a lease, with a term. */
  LESSEE,
  /** Fleet operator: rental, car share, company fleet. */
  FLEET
}
