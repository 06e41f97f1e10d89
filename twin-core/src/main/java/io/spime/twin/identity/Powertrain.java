package io.spime.twin.identity;

/** How the car is driven. */
public enum Powertrain {
  BEV,
  PHEV,
  HEV,
  ICE,
  FCEV
}
