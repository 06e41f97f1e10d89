package io.spime.sim.internal.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.sim.internal.car.VinFactory;
import io.spime.sim.internal.model.CarSignals;
import io.spime.sim.internal.model.TractionBattery;
import io.spime.sim.internal.report.RunReport;
import io.spime.sim.internal.scenario.RunConfig;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.twin.Twin;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.fleet.SignalReading;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.telemetry.SignalValue;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs (embedded broker, ingest, SQLite store): the car model as the twin sees it. */
class FleetRunCarModelTest {
  private static final SignalCatalog CATALOG = SignalCatalog.builtIn();
  @TempDir Path dir;

  @Test
  void a_commute_runs_dtcs_reach_the_twins_and_the_check_passes() {
    StringWriter out = new StringWriter();
    RunReport report = new FleetRun(config("commute", 4, Duration.ofSeconds(8)),
        new PrintWriter(out)).run();
    report.print(new PrintWriter(out));

    assertTrue(report.clean(), out.toString());
    assertTrue(report.totalDtcsRaised() >= 1, "car 2 of seed 1 wakes with a weak 12 V battery");
    assertEquals(0, report.carsWithDtcMismatch());
    assertTrue(out.toString().contains("every twin holds its car's DTC changes and open codes"),
        out.toString());
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"))) {
      AssetId weak = VinFactory.vin(1, 2);
      Twin twin = store.twin(weak).orElseThrow();
      assertTrue(twin.openDtcs().containsKey("P0562"), twin.openDtcs().toString());
      Map<Integer, SignalReading> latest = store.latestSignals(weak);
      assertTrue(number(latest, CarSignals.DTC_COUNT) >= 1);
      assertTrue(number(latest, CarSignals.LOW_VOLTAGE) < 12.4, "below a healthy 12 V battery");
      for (String path : new String[] {CarSignals.STATE_OF_HEALTH, CarSignals.NET_CAPACITY,
          CarSignals.POWER, CarSignals.CHARGED_ENERGY, CarSignals.CONSUMED_ENERGY,
          CarSignals.AIR_TEMP, CarSignals.TYRES.get(0), CarSignals.CHARGING}) {
        assertTrue(latest.containsKey(CATALOG.require(path).id()), path + " is in the twin");
      }
    }
  }

  @Test
  void in_a_lifetime_run_the_twins_see_batteries_twelve_years_old() {
    RunReport report = new FleetRun(config("lifetime", 3, Duration.ofSeconds(8)),
        new PrintWriter(new StringWriter())).run();
    assertTrue(report.clean(), report.officeViolations().toString());
    assertEquals(0, report.totalDtcsRaised(), "the lifetime's twin lies in the past");
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"))) {
      for (int car = 0; car < 3; car++) {
        Map<Integer, SignalReading> latest = store.latestSignals(VinFactory.vin(1, car));
        double health = number(latest, CarSignals.STATE_OF_HEALTH);
        assertTrue(health > 60 && health < 92, "a twelve-year-old battery: " + health);
        assertTrue(number(latest, CarSignals.ODOMETER) > 100_000_000, "twelve years of driving");
        assertTrue(number(latest, CarSignals.NET_CAPACITY) < TractionBattery.NOMINAL_KWH);
      }
    }
  }

  private RunConfig config(String scenario, int vehicles, Duration duration) {
    return new RunConfig(ScenarioSpec.resolve(scenario), vehicles, duration, 1,
        Optional.of(dir), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static double number(Map<Integer, SignalReading> latest, String path) {
    return ((SignalValue.Number) latest.get(CATALOG.require(path).id()).value()).value();
  }
}
