package io.spime.twin;

/** How the car is driven. */
public enum Powertrain {
  BEV,
  PHEV,
  HEV,
  ICE,
  FCEV
}
