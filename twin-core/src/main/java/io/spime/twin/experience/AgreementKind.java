package io.spime.twin.experience;

/** The kinds of agreement that end or renew. */
public enum AgreementKind {
  /** A custody role held with a term, such as a lease (the reference is the role). */
  LEASE,
  /** A subscription bound to the car (the reference is the subscription id). */
  SUBSCRIPTION
}
