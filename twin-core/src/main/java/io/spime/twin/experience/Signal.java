package io.spime.twin.experience;

/** The experience signals a renewal risk is made of; each names what it counts. */
public enum Signal {
  /** A trouble code raised more than once in the car's recent diagnostics (count of such codes). */
  REPEATED_DTC,
  /** A trouble code open for 14 days or more (count of such codes). */
  LONG_OPEN_DTC,
  /** Days the car spent off the road during the agreement. */
  DAYS_OFF_ROAD,
  /** Days the car spent in the workshop during the agreement (service visits, start to end). */
  DAYS_IN_WORKSHOP,
  /** Touchpoints of the customer during the agreement left unanswered. */
  UNANSWERED_TOUCHPOINT,
  /** Touchpoints answered but not resolved. */
  UNRESOLVED_TOUCHPOINT,
  /** Average satisfaction below 3 of 5: the value is how many tenths of a star the average is below 3. */
  LOW_SATISFACTION
}
