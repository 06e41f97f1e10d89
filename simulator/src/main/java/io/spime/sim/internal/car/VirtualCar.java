package io.spime.sim.internal.car;

import io.spime.agent.AgentStats;
import io.spime.agent.EdgeAgent;
import io.spime.sim.internal.ledger.DtcHistory;
import io.spime.sim.internal.ledger.Ledger;
import io.spime.sim.internal.model.CarModel;
import io.spime.sim.internal.model.CarSignals;
import io.spime.sim.internal.model.Diagnostics;
import io.spime.sim.internal.model.TractionBattery;
import io.spime.sim.internal.model.TroubleCode;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import io.spime.wire.event.EventDetail;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.telemetry.SignalValue;
import java.util.List;
import java.util.Map;

/**
 * One simulated car: its model drives a real {@link EdgeAgent}, and its {@link Ledger} keeps what
 * the agent accepted. Speed at 10 Hz while driving; position, odometer, battery charge, temperature
 * and power once a second (every 5 s parked); the battery's health, capacity and lifetime energies,
 * the air temperature, 12 V, tyre pressures and the count of open trouble codes every 10 s; whether
 * it charges when that changes; every signal when the drive ends. Trouble codes are raised as
 * events as they are set and cleared.
 * An asset of another kind reads the same model at its own pace and records only its kind's
 * signals ({@link KindDrive}). Ticked by one thread. Runs in the fleet's JVM, or alone in a child process ({@code CarProcess}).
 */
public final class VirtualCar implements FleetCar {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VirtualCar.class);
  public static final long TICK_MILLIS = 100;
  private static final int TICKS_PER_SLOW_SAMPLE = 10;
  private static final int TICKS_PER_PARKED_SAMPLE = 50;
  private static final int TICKS_PER_CONDITION_SAMPLE = 100;

  private final AssetId vin;
  private final CarModel model;
  private final EdgeAgent agent;
  private final Ledger ledger;
  private final KindDrive drive;
  private long ticks;
  /** The last IsCharging recorded; null before the first. */
  private Boolean chargingRecorded;

  public VirtualCar(AssetId vin, CarModel model, EdgeAgent agent) {
    this(vin, model, agent, new Ledger());
  }

  public VirtualCar(AssetId vin, CarModel model, EdgeAgent agent, Ledger ledger) {
    this.vin = vin;
    this.model = model;
    this.agent = agent;
    this.ledger = ledger;
    this.drive = new KindDrive(AssetIds.kindOf(vin));
  }

  /**
   * What a model resuming this asset starts from: its last recorded values, read back at a car's
   * pace when the asset is of another kind ({@link KindDrive}).
   */
  public static Map<String, SignalValue> modelValues(AssetId id, Map<String, SignalValue> recorded) {
    return new KindDrive(AssetIds.kindOf(id)).asModel(recorded);
  }

  @Override
  public AssetId vin() {
    return vin;
  }

  public EdgeAgent agent() {
    return agent;
  }

  public Ledger ledger() {
    return ledger;
  }

  /** Moves the car one tick, raises its trouble-code changes and records its signals. */
  public void tick(long nowMillis) {
    model.advance(TICK_MILLIS / 1000.0);
    long tick = ticks++;
    raiseTroubleCodes(nowMillis);
    boolean parkedSample = !model.isDriving() && tick % TICKS_PER_PARKED_SAMPLE == 0;
    if (!Boolean.valueOf(model.isCharging()).equals(chargingRecorded) && !parkedSample) {
      record(CarSignals.CHARGING, nowMillis, model.isCharging());
    }
    if (model.isDriving()) {
      record(CarSignals.SPEED, nowMillis, drive.speedKmh(model));
      if (tick % TICKS_PER_SLOW_SAMPLE == 0) {
        recordSlowSignals(nowMillis);
        record(CarSignals.LATITUDE, nowMillis, model.latitude());
        record(CarSignals.LONGITUDE, nowMillis, model.longitude());
      }
    } else if (parkedSample) {
      record(CarSignals.SPEED, nowMillis, 0);
      recordSlowSignals(nowMillis);
      record(CarSignals.CHARGING, nowMillis, model.isCharging());
    }
    if (tick % TICKS_PER_CONDITION_SAMPLE == 0) {
      recordCondition(nowMillis);
    }
  }

  /**
   * What a telematics unit does when it boots: raises again the trouble-code change its ledger
   * holds as pending (the agent may or may not have kept it before a kill; the event id is the same,
   * so the twin applies it once), then records every signal once.
   */
  public void boot(long nowMillis) {
    ledger.pendingDtc().ifPresent(this::raise);
    recordAll(nowMillis);
  }

  /** Records every signal once. */
  void recordAll(long nowMillis) {
    record(CarSignals.SPEED, nowMillis, drive.speedKmh(model));
    recordSlowSignals(nowMillis);
    record(CarSignals.LATITUDE, nowMillis, model.latitude());
    record(CarSignals.LONGITUDE, nowMillis, model.longitude());
    record(CarSignals.CHARGING, nowMillis, model.isCharging());
    recordCondition(nowMillis);
  }

  @Override
  public CarStatus status() {
    AgentStats stats = agent.stats();
    return new CarStatus(stats.connected(), stats.acceptedSamples(), stats.backlogBatches(),
        stats.reconnects(), false);
  }

  /** The drive is over: the unit reports every signal once more, then seals what it holds. */
  @Override
  public void stopDriving() {
    recordAll(System.currentTimeMillis());
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

  private void raiseTroubleCodes(long nowMillis) {
    List<Diagnostics.Change> changes = model.takeTroubleCodeChanges();
    if (changes.isEmpty() || !drive.raisesTroubleCodes()) {
      return;
    }
    for (Diagnostics.Change change : changes) {
      raise(ledger.dtcIntent(change.code(), change.active(), nowMillis));
    }
    record(CarSignals.DTC_COUNT, nowMillis, model.openTroubleCodes().size());
  }

  /** Raises the ledger's pending change and notes whether the agent kept it. */
  private void raise(DtcHistory.Change change) {
    TroubleCode code = change.code();
    VehicleEvent event = new VehicleEvent(change.eventId(), change.timeMillis(), code.priority(),
        DataCategory.VEHICLE_HEALTH,
        new EventDetail.Dtc(code.code(), code.ecu(), change.active(), code.description()),
        Map.of());
    long refusedBefore;
    try {
      refusedBefore = agent.stats().eventsRefused();
      agent.raise(event);
    } catch (RuntimeException e) {
      dtcRefused(change, e.toString());
      return;
    }
    if (agent.stats().eventsRefused() > refusedBefore) {
      dtcRefused(change, "the agent refused it (no consent, or no room for its priority)");
      return;
    }
    ledger.dtcKept();
  }

  private void dtcRefused(DtcHistory.Change change, String reason) {
    if (ledger.refused() == 0) {
      LOG.warn("agent of {} refused DTC event {}: {}", vin, change.eventId(), reason);
    }
    ledger.dtcRefused(reason);
  }

  private void recordSlowSignals(long nowMillis) {
    TractionBattery battery = model.battery();
    record(CarSignals.ODOMETER, nowMillis, drive.odometerM(model));
    record(CarSignals.SOC, nowMillis, battery.stateOfChargePercent());
    record(CarSignals.BATTERY_TEMP, nowMillis, battery.temperatureC());
    record(CarSignals.POWER, nowMillis, battery.powerW());
    record(CarSignals.MOVING, nowMillis, model.isMoving());
    drive.recordOwn(model, (path, value) -> record(path, nowMillis, value),
        (path, value) -> record(path, nowMillis, value));
  }

  private void recordCondition(long nowMillis) {
    TractionBattery battery = model.battery();
    record(CarSignals.STATE_OF_HEALTH, nowMillis, battery.stateOfHealthPercent());
    record(CarSignals.NET_CAPACITY, nowMillis, battery.netCapacityKwh());
    record(CarSignals.CHARGED_ENERGY, nowMillis, battery.chargedKwh());
    record(CarSignals.CONSUMED_ENERGY, nowMillis, battery.consumedKwh());
    record(CarSignals.AIR_TEMP, nowMillis, model.airTemperatureC());
    record(CarSignals.LOW_VOLTAGE, nowMillis, model.diagnostics().lowVoltageBatteryVolts());
    for (int wheel = 0; wheel < CarSignals.TYRES.size(); wheel++) {
      record(CarSignals.TYRES.get(wheel), nowMillis,
          Math.round(model.diagnostics().tyrePressureKpa(wheel)));
    }
    record(CarSignals.DTC_COUNT, nowMillis, model.openTroubleCodes().size());
  }

  private void record(String path, long nowMillis, boolean value) {
    if (drive.sends(path) && kept(() -> agent.record(path, nowMillis, value), path, SignalValue.of(value))
        && path.equals(CarSignals.CHARGING)) {
      chargingRecorded = value;
    }
  }

  private void record(String path, long nowMillis, double value) {
    if (!drive.sends(path)) {
      return;
    }
    kept(() -> agent.record(path, nowMillis, value), path, SignalValue.of(value));
  }

  /** Runs one {@code record} call; the ledger notes the sample if the agent took it, else why not. */
  private boolean kept(Runnable record, String path, SignalValue value) {
    try {
      record.run();
    } catch (RuntimeException e) {
      refused(e);
      return false;
    }
    ledger.accepted(path, value);
    return true;
  }

  private void refused(RuntimeException error) {
    if (ledger.refused() == 0) {
      LOG.warn("agent of {} refused a sample: {}", vin, error.toString());
    }
    ledger.refuse(error.toString());
  }
}
