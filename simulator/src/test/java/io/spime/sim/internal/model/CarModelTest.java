package io.spime.sim.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.sim.internal.car.VirtualCar;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.wire.telemetry.SignalValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The car model: trouble codes, charging and battery ageing, driven tick by tick. */
class CarModelTest {
  private static final ScenarioSpec COMMUTE = ScenarioSpec.resolve("commute");
  private static final ScenarioSpec LIFETIME = ScenarioSpec.resolve("lifetime");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final int TICKS_PER_HOUR = 36_000;

  /** A trouble-code change at a tick. */
  private record At(int tick, Diagnostics.Change change) {}

  @Test
  void the_same_seed_sets_and_clears_the_same_codes_at_the_same_ticks() {
    List<At> first = changes(car(7, 3), 2 * TICKS_PER_HOUR);
    List<At> again = changes(car(7, 3), 2 * TICKS_PER_HOUR);
    List<At> other = changes(car(8, 3), 2 * TICKS_PER_HOUR);
    assertFalse(first.isEmpty(), "a car sets codes in two hours of commuting");
    assertEquals(first, again);
    assertNotEquals(first, other, "another seed, another car");
  }

  @Test
  void every_code_is_set_only_while_closed_and_cleared_only_while_open_and_all_kinds_occur() {
    Set<TroubleCode> seenSet = EnumSet.noneOf(TroubleCode.class);
    Set<TroubleCode> seenCleared = EnumSet.noneOf(TroubleCode.class);
    int raised = 0;
    int cars = 40;
    for (int car = 0; car < cars; car++) {
      CarModel model = new CarModel(CarModel.seedFor(1, car, 0), COMMUTE, MINUTE);
      Set<TroubleCode> open = EnumSet.noneOf(TroubleCode.class);
      for (At at : changes(model, TICKS_PER_HOUR)) {
        TroubleCode code = at.change().code();
        if (at.change().active()) {
          assertTrue(open.add(code), code + " set while open, at tick " + at.tick());
          seenSet.add(code);
          raised++;
        } else {
          assertTrue(open.remove(code), code + " cleared while closed, at tick " + at.tick());
          seenCleared.add(code);
        }
      }
      assertEquals(open, model.openTroubleCodes(), "the model's open codes are the changes' sum");
    }
    assertEquals(EnumSet.of(TroubleCode.LOW_VOLTAGE, TroubleCode.BATTERY_OVER_TEMPERATURE,
        TroubleCode.ISOLATION_FAULT), intersect(seenCleared, EnumSet.of(TroubleCode.LOW_VOLTAGE,
        TroubleCode.BATTERY_OVER_TEMPERATURE, TroubleCode.ISOLATION_FAULT)),
        "12 V, over-temperature and isolation codes all clear again: " + seenCleared);
    assertTrue(seenSet.stream().anyMatch(code -> List.of(TroubleCode.TYRES).contains(code)),
        "a tyre goes low: " + seenSet);
    double perCarHour = raised / (double) cars;
    assertTrue(perCarHour >= 2 && perCarHour <= 10, "a few codes per car per hour: " + perCarHour);
  }

  @Test
  void a_12_volt_code_clears_after_driving_and_a_low_tyre_at_the_next_trip() {
    CarModel weak = new CarModel(CarModel.seedFor(1, 2, 0), COMMUTE, MINUTE);
    assertEquals(List.of(new At(0, new Diagnostics.Change(TroubleCode.LOW_VOLTAGE, true)),
        new At(261, new Diagnostics.Change(TroubleCode.LOW_VOLTAGE, false))), changes(weak, 400),
        "set when the car woke, cleared after 20 to 60 s of driving");

    CarModel flat = new CarModel(CarModel.seedFor(2, 3, 0), COMMUTE, MINUTE);
    flat.advance(0.1);
    assertEquals(List.of(new Diagnostics.Change(TroubleCode.TYRE_REAR_RIGHT, true)),
        flat.takeTroubleCodeChanges());
    assertTrue(flat.diagnostics().tyrePressureKpa(3) < 200, "low tyre");
    boolean wasDriving = true;
    boolean parked = false;
    for (int tick = 1; tick < 3_000; tick++) {
      flat.advance(0.1);
      parked |= !flat.isDriving();
      List<Diagnostics.Change> changes = flat.takeTroubleCodeChanges();
      if (!changes.isEmpty()) {
        assertEquals(new Diagnostics.Change(TroubleCode.TYRE_REAR_RIGHT, false), changes.get(0));
        assertTrue(parked && !wasDriving && flat.isDriving(), "cleared as the next trip starts");
        assertTrue(flat.diagnostics().tyrePressureKpa(3) >= 240, "pumped up");
        return;
      }
      wasDriving = flat.isDriving();
    }
    throw new AssertionError("the low tyre was never pumped up");
  }

  @Test
  void a_resumed_car_keeps_its_open_codes_open_and_clears_them_without_setting_them_again() {
    CarModel model = new CarModel(CarModel.seedFor(1, 2, 5), COMMUTE, MINUTE);
    model.resume(Map.of(CarSignals.SPEED, SignalValue.of(50.0),
            CarSignals.LOW_VOLTAGE, SignalValue.of(11.5)),
        EnumSet.of(TroubleCode.LOW_VOLTAGE));
    assertEquals(EnumSet.of(TroubleCode.LOW_VOLTAGE), model.openTroubleCodes());
    assertEquals(11.5, model.diagnostics().lowVoltageBatteryVolts(), 1e-9);
    List<At> changes = changes(model, 700);
    assertFalse(changes.isEmpty(), "driving on recharges the 12 V battery");
    assertEquals(new Diagnostics.Change(TroubleCode.LOW_VOLTAGE, false), changes.get(0).change(),
        "the first change clears the code it had open: " + changes);
  }

  @Test
  void charging_raises_the_charge_with_positive_power_and_counts_the_energy() {
    CarModel model = parkedCharging();
    TractionBattery battery = model.battery();
    double soc = battery.stateOfChargePercent();
    double charged = battery.chargedKwh();
    model.advance(0.1);
    assertTrue(battery.powerW() >= 11_000 * 0.1, "power into the battery: " + battery.powerW());
    assertTrue(battery.stateOfChargePercent() > soc);
    assertTrue(battery.chargedKwh() > charged);
  }

  @Test
  void driving_draws_power_out_of_the_battery() {
    CarModel model = new CarModel(CarModel.seedFor(1, 2, 0), COMMUTE, MINUTE);
    double consumed = model.battery().consumedKwh();
    for (int tick = 0; tick < 100; tick++) {
      model.advance(0.1);
    }
    assertTrue(model.isDriving());
    assertTrue(model.battery().powerW() < 0, "out of the battery: " + model.battery().powerW());
    assertTrue(model.battery().consumedKwh() > consumed);
  }

  @Test
  void in_the_lifetime_scenario_the_battery_ages_over_the_simulated_years_and_no_code_is_set() {
    Duration drive = Duration.ofSeconds(60);
    CarModel model = new CarModel(CarModel.seedFor(1, 0, 0), LIFETIME, drive);
    double health = model.battery().stateOfHealthPercent();
    assertTrue(health >= 99.9, "a new battery: " + health);
    assertTrue(model.odometerM() < 50_000, "a new car: " + model.odometerM());
    List<Double> yearly = new ArrayList<>();
    int ticks = (int) (drive.toMillis() / VirtualCar.TICK_MILLIS);
    for (int tick = 1; tick <= ticks; tick++) {
      model.advance(0.1);
      assertTrue(model.takeTroubleCodeChanges().isEmpty(), "the lifetime's twin lies in the past");
      if (tick % (ticks / CarModel.LIFETIME_YEARS) == 0) {
        yearly.add(model.battery().stateOfHealthPercent());
      }
    }
    assertEquals(CarModel.LIFETIME_YEARS, yearly.size());
    for (int year = 1; year < yearly.size(); year++) {
      assertTrue(yearly.get(year) < yearly.get(year - 1), "it falls every year: " + yearly);
    }
    double end = model.battery().stateOfHealthPercent();
    assertTrue(end < health - 10 && end > 60, "twelve years later: " + end);
    assertEquals(Math.round(TractionBattery.NOMINAL_KWH * end / 100),
        model.battery().netCapacityKwh(), "the usable capacity follows the health");
    double kmPerYear = model.odometerM() / 1000 / CarModel.LIFETIME_YEARS;
    assertTrue(kmPerYear > 9_000 && kmPerYear < 21_000, "the years' kilometres: " + kmPerYear);
    assertTrue(model.calendarSeconds() > CarModel.LIFETIME_YEARS * 365 * 86_400.0 * 0.99);
  }

  @Test
  void cars_raise_codes_in_every_scenario_but_lifetime_and_renewal() {
    for (String name : List.of("commute", "outages", "rental-fleet")) {
      assertTrue(CarModel.raisesTroubleCodes(ScenarioSpec.resolve(name)), name);
    }
    for (String name : List.of("lifetime", "renewal")) {
      assertFalse(CarModel.raisesTroubleCodes(ScenarioSpec.resolve(name)), name);
      CarModel model = new CarModel(CarModel.seedFor(1, 2, 0), ScenarioSpec.resolve(name), MINUTE);
      assertEquals(List.of(), changes(model, TICKS_PER_HOUR), name);
    }
  }

  @Test
  void at_real_time_a_battery_ages_with_its_kilometres_and_hardly_in_an_hour() {
    double newest = 100;
    double oldest = 0;
    for (int car = 0; car < 20; car++) {
      CarModel model = new CarModel(CarModel.seedFor(1, car, 0), COMMUTE, MINUTE);
      double health = model.battery().stateOfHealthPercent();
      if (model.odometerM() < 30_000_000) {
        newest = Math.min(newest, health);
      }
      if (model.odometerM() > 120_000_000) {
        oldest = Math.max(oldest, health);
      }
      for (int tick = 0; tick < TICKS_PER_HOUR; tick++) {
        model.advance(0.1);
      }
      double lost = health - model.battery().stateOfHealthPercent();
      assertTrue(lost > 0 && lost < 0.05, "an hour of commuting wears a little: " + lost);
    }
    assertTrue(oldest > 0 && newest < 100 && oldest < newest,
        "a car with over 120,000 km has less health than one under 30,000 km: " + oldest + " < "
            + newest);
  }

  @Test
  void a_hot_battery_ages_faster_by_the_calendar() {
    TractionBattery cool = new TractionBattery(new java.util.Random(4), 0, 0, 15);
    TractionBattery hot = new TractionBattery(new java.util.Random(4), 0, 0, 35);
    double coolBefore = cool.stateOfHealthPercent();
    double hotBefore = hot.stateOfHealthPercent();
    cool.age(365.25 * 86_400);
    hot.age(365.25 * 86_400);
    double coolLoss = coolBefore - cool.stateOfHealthPercent();
    double hotLoss = hotBefore - hot.stateOfHealthPercent();
    assertTrue(coolLoss > 0.2 && coolLoss < 1.4, "a cool year: " + coolLoss);
    assertTrue(hotLoss > 3 * coolLoss, "20 °C hotter is about four times the fade: " + hotLoss);
  }

  private static CarModel car(long runSeed, int index) {
    return new CarModel(CarModel.seedFor(runSeed, index, 0), COMMUTE, MINUTE);
  }

  private static CarModel parkedCharging() {
    for (int car = 0; car < 200; car++) {
      CarModel model = new CarModel(CarModel.seedFor(1, car, 0), COMMUTE, MINUTE);
      if (!model.isDriving() && model.isCharging()) {
        return model;
      }
    }
    throw new AssertionError("no car of 200 starts parked and charging");
  }

  private static List<At> changes(CarModel model, int ticks) {
    List<At> changes = new ArrayList<>();
    for (int tick = 0; tick < ticks; tick++) {
      model.advance(0.1);
      for (Diagnostics.Change change : model.takeTroubleCodeChanges()) {
        changes.add(new At(tick, change));
      }
    }
    return changes;
  }

  private static Set<TroubleCode> intersect(Set<TroubleCode> a, Set<TroubleCode> b) {
    Set<TroubleCode> both = EnumSet.copyOf(b);
    both.retainAll(a);
    return both;
  }
}
