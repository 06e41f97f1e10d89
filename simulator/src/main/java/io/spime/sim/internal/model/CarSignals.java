package io.spime.sim.internal.model;

import java.util.List;

/** The VSS paths of the signals a simulated car records (all in the built-in signal catalog). */
public final class CarSignals {
  public static final String SPEED = "Vehicle.Speed";
  public static final String ODOMETER = "Vehicle.TraveledDistance";
  public static final String MOVING = "Vehicle.IsMoving";
  public static final String LATITUDE = "Vehicle.CurrentLocation.Latitude";
  public static final String LONGITUDE = "Vehicle.CurrentLocation.Longitude";
  public static final String SOC = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current";
  public static final String BATTERY_TEMP = "Vehicle.Powertrain.TractionBattery.Temperature.Average";
  public static final String CHARGING = "Vehicle.Powertrain.TractionBattery.Charging.IsCharging";
  public static final String POWER = "Vehicle.Powertrain.TractionBattery.CurrentPower";
  public static final String STATE_OF_HEALTH = "Vehicle.Powertrain.TractionBattery.StateOfHealth";
  public static final String NET_CAPACITY = "Vehicle.Powertrain.TractionBattery.NetCapacity";
  public static final String CHARGED_ENERGY =
      "Vehicle.Powertrain.TractionBattery.AccumulatedChargedEnergy";
  public static final String CONSUMED_ENERGY =
      "Vehicle.Powertrain.TractionBattery.AccumulatedConsumedEnergy";
  public static final String AIR_TEMP = "Vehicle.Exterior.AirTemperature";
  public static final String LOW_VOLTAGE = "Vehicle.LowVoltageBattery.CurrentVoltage";
  public static final String DTC_COUNT = "Vehicle.Diagnostics.DTCCount";
  /** Tyre pressures, in the order of {@code TroubleCode.TYRES}. */
  public static final List<String> TYRES = List.of(
      "Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure",
      "Vehicle.Chassis.Axle.Row1.Wheel.Right.Tire.Pressure",
      "Vehicle.Chassis.Axle.Row2.Wheel.Left.Tire.Pressure",
      "Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire.Pressure");

  private CarSignals() {}
}
