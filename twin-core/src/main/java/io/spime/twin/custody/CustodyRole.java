package io.spime.twin.custody;

/** The roles a party can hold over a car; each role is held by at most one party at a time. */
public enum CustodyRole {
  /** Legal owner. */
  OWNER,
  /** Registered keeper. */
  KEEPER,
  /** Lessee of a lease, with a term. */
  LESSEE,
  /** Fleet operator: rental, car share, company fleet. */
  FLEET,
  /**
   * A customer assigned to drive the car (rental, loaner, car share, the second car of a family); no
   * term needed. The most specific role: the driver is the data subject of the car's personal data.
   */
  DRIVER
}
