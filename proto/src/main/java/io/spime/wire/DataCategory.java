package io.spime.wire;

/** A category of data for consent; data whose category lacks consent never leaves the car. */
public enum DataCategory {
  /** Technical state: faults, battery health, odometer, software versions. */
  VEHICLE_HEALTH,
  /** Position, heading, route. Personal data. */
  LOCATION,
  /** Speed, acceleration, braking: how the car is driven. Personal data. */
  DRIVING_BEHAVIOUR,
  /** Seat, climate and media preferences. Personal data. */
  CABIN_PREFERENCES,
  /** Trips, charging sessions, energy use. Personal data. */
  USAGE;

  /** Whether data of this category is personal data of the driver or keeper. */
  public boolean isPersonal() {
    return this != VEHICLE_HEALTH;
  }
}
