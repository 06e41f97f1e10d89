package io.spime.twin.experience;

/** Where in the customer's journey a touchpoint happened. */
public enum JourneyPhase {
  AWARENESS,
  CONSIDERATION,
  PURCHASE,
  DELIVERY,
  OWNERSHIP,
  SERVICE,
  RENEWAL,
  END_OF_LIFE
}
