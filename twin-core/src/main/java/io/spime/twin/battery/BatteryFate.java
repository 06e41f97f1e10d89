package io.spime.twin.battery;

/** What happened to the traction battery at dismantling. */
public enum BatteryFate {
  SECOND_LIFE,
  REMANUFACTURED,
  RECYCLED
}
