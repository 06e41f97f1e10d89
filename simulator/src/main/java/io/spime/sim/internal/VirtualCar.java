package io.spime.sim.internal;

import io.spime.agent.AgentStats;
import io.spime.agent.EdgeAgent;
import io.spime.wire.SignalValue;
import io.spime.wire.Vin;

/**
 * One simulated car: its motion model drives a real {@link EdgeAgent}, and its {@link Ledger} keeps
 * what the agent accepted. Fast signals at 10 Hz, slow ones at 1 Hz. Ticked by one thread. Runs in
 * the fleet's JVM, or alone in a child process ({@link CarProcess}).
 */
final class VirtualCar implements FleetCar {
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
  private final Ledger ledger;
  private long ticks;

  VirtualCar(Vin vin, CarModel model, EdgeAgent agent) {
    this(vin, model, agent, new Ledger());
  }

  VirtualCar(Vin vin, CarModel model, EdgeAgent agent, Ledger ledger) {
    this.vin = vin;
    this.model = model;
    this.agent = agent;
    this.ledger = ledger;
  }

  @Override
  public Vin vin() {
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

  /** Records every signal once: what a telematics unit reports when it boots. */
  void recordAll(long nowMillis) {
    record(SPEED, nowMillis, model.speedKmh());
    recordSlowSignals(nowMillis);
    record(LATITUDE, nowMillis, model.latitude());
    record(LONGITUDE, nowMillis, model.longitude());
    record(CHARGING, nowMillis, model.isCharging());
  }

  @Override
  public CarStatus status() {
    AgentStats stats = agent.stats();
    return new CarStatus(stats.connected(), stats.acceptedSamples(), stats.backlogBatches(),
        stats.reconnects(), false);
  }

  @Override
  public void stopDriving() {
    agent.flush();
  }

  /** Whether the outbox is empty and the agent holds nothing the ledger does not know. */
  @Override
  public boolean drained() {
    AgentStats stats = agent.stats();
    return stats.backlogBatches() == 0 && stats.acceptedSamples() == ledger.accepted();
  }

  @Override
  public Ledger.Snapshot tally() {
    return ledger.snapshot();
  }

  @Override
  public int kills() {
    return 0;
  }

  @Override
  public void close() {
    agent.close();
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
    } catch (RuntimeException e) {
      refused(e);
      return;
    }
    ledger.accepted(path, SignalValue.of(value));
  }

  private void record(String path, long nowMillis, double value) {
    try {
      agent.record(path, nowMillis, value);
    } catch (RuntimeException e) {
      refused(e);
      return;
    }
    ledger.accepted(path, SignalValue.of(value));
  }

  private void refused(RuntimeException error) {
    if (ledger.refused() == 0) {
      LOG.warn("agent of {} refused a sample: {}", vin, error.toString());
    }
    ledger.refuse(error.toString());
  }
}
