package io.spime.twin.customer;

/** Where the maker or its partners met the customer about this car. */
public enum TouchpointKind {
  DEALER_VISIT,
  SERVICE_BOOKING,
  APP,
  SUPPORT
}
