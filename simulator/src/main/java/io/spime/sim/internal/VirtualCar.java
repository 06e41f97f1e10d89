package io.spime.sim.internal;

import io.spime.agent.EdgeAgent;
import io.spime.wire.SignalValue;
import io.spime.wire.Vin;

/**
 * One simulated car: its motion model drives a real {@link EdgeAgent}, and its {@link Ledger} keeps
 * what the agent accepted. Fast signals at 10 Hz, slow ones at 1 Hz. Ticked by one thread.
 */
final class VirtualCar {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VirtualCar.class);
  static final String SPEED = "Vehicle.Speed";
  static final String ODOMETER = "Vehicle.TraveledDistance";
  static final String MOVING = "Vehicle.IsMoving";
  static final String LATITUDE = "Vehicle.CurrentLocation.Latitude";
  static final String LONGITUDE = "Vehicle.CurrentLocation.Longitude";
  static final String SOC = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current";
  static final String BATTERY_TEMP = "Vehicle.Powertrain.TractionBattery.Temperature.Average";
  static final String CHARGING = "Vehicle.Powertrain.TractionBattery.Charging.IsCharging";
  static final long TICK_MILLIS = 100;
  private static final int TICKS_PER_SLOW_SAMPLE = 10;
  private static final int TICKS_PER_PARKED_SAMPLE = 50;

  private final Vin vin;
  private final CarModel model;
  private final EdgeAgent agent;
  private final Ledger ledger = new Ledger();
  private long ticks;

  VirtualCar(Vin vin, CarModel model, EdgeAgent agent) {
    this.vin = vin;
    this.model = model;
    this.agent = agent;
  }

  Vin vin() {
    return vin;
  }

  EdgeAgent agent() {
    return agent;
  }

  Ledger ledger() {
    return ledger;
  }

  /** Moves the car one tick and records its signals at {@code nowMillis}. */
  void tick(long nowMillis) {
    model.advance(TICK_MILLIS / 1000.0);
    long tick = ticks++;
    if (model.isDriving()) {
      record(SPEED, nowMillis, model.speedKmh());
      if (tick % TICKS_PER_SLOW_SAMPLE == 0) {
        recordSlowSignals(nowMillis);
        record(LATITUDE, nowMillis, model.latitude());
        record(LONGITUDE, nowMillis, model.longitude());
      }
    } else if (tick % TICKS_PER_PARKED_SAMPLE == 0) {
      record(SPEED, nowMillis, 0);
      recordSlowSignals(nowMillis);
      record(CHARGING, nowMillis, model.isCharging());
    }
  }

  private void recordSlowSignals(long nowMillis) {
    record(ODOMETER, nowMillis, model.odometerM());
    record(SOC, nowMillis, model.stateOfChargePercent());
    record(BATTERY_TEMP, nowMillis, model.batteryTemperatureC());
    record(MOVING, nowMillis, model.isMoving());
  }

  private void record(String path, long nowMillis, boolean value) {
    try {
      agent.record(path, nowMillis, value);
      ledger.accepted(path, SignalValue.of(value));
    } catch (RuntimeException e) {
      refused(e);
    }
  }

  private void refused(RuntimeException error) {
    if (ledger.refused() == 0) {
      LOG.warn("agent of {} refused a sample: {}", vin, error.toString());
    }
    ledger.refuse();
  }

  private void record(String path, long nowMillis, double value) {
    try {
      agent.record(path, nowMillis, value);
      ledger.accepted(path, SignalValue.of(value));
    } catch (RuntimeException e) {
      refused(e);
    }
  }
}
