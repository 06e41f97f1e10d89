package io.spime.twin.identity;

/** How the asset is driven: {@code HUMAN} for a bicycle without a motor, {@code NONE} for a trailer. */
public enum Powertrain {
  BEV,
  PHEV,
  HEV,
  ICE,
  FCEV,
  HUMAN,
  NONE
}
