package io.spime.sim.internal.verify;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.agent.EdgeAgent;
import io.spime.cloud.sync.FleetIngest;
import io.spime.mqtt.MqttSecurity;
import io.spime.sim.internal.car.CarAgents;
import io.spime.sim.internal.car.VinFactory;
import io.spime.sim.internal.car.VirtualCar;
import io.spime.sim.internal.ledger.DtcHistory;
import io.spime.sim.internal.ledger.Ledger;
import io.spime.sim.internal.model.CarModel;
import io.spime.sim.internal.model.TroubleCode;
import io.spime.sim.internal.office.RegisteringOffice;
import io.spime.sim.internal.report.RunReport;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.testkit.TestBrokers;
import io.spime.twin.Twin;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.diagnostics.Dtc;
import io.spime.twin.diagnostics.DtcSeverity;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated car's trouble codes travel through its real agent, a real broker and the ingest into
 * a real twin store, and the run's check compares them with the car's ledger. The car is ticked
 * here, at times in the recent past, so the same codes come at the same ticks every time.
 */
class DtcsToTwinTest {
  private static final ScenarioSpec COMMUTE = ScenarioSpec.resolve("commute");
  /** Car 2 of seed 1 wakes with a weak 12 V battery (tick 0) that recharges at tick 261. */
  private static final long MODEL_SEED = CarModel.seedFor(1, 2, 0);
  private static final int SET_TICK = 0;
  private static final int CLEARED_TICK = 261;
  @TempDir Path dir;

  @Test
  void the_codes_a_car_sets_and_clears_reach_its_twin_and_the_check_passes() {
    AssetId vin = VinFactory.vin(4242, 0);
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"))) {
      new RegisteringOffice(store).start(List.of(vin), System.currentTimeMillis());
      long t0 = System.currentTimeMillis() - 60_000;
      VirtualCar car = drive(store, vin, t0, 400);

      DtcCheck check = TwinComparison.dtcs(car.ledger().dtcs(), store, vin);
      assertEquals(List.of(), check.mismatches());
      assertEquals(new DtcCheck(1, 1, 0, List.of()), check);
      Twin twin = store.twin(vin).orElseThrow();
      assertTrue(twin.openDtcs().isEmpty());
      assertEquals(1, twin.closedDtcCount());
      Dtc closed = twin.recentlyClosedDtcs().get(0);
      assertEquals("P0562", closed.code());
      assertEquals(DtcSeverity.INFO, closed.severity(), "a NORMAL event is information");
      assertEquals(Instant.ofEpochMilli(t0 + SET_TICK * 100L), closed.raisedAt());
      assertEquals(Optional.of(Instant.ofEpochMilli(t0 + CLEARED_TICK * 100L)), closed.clearedAt());

      Ledger.Snapshot tally = car.tally();
      CarResult result = new CarResult(vin, tally.accepted(), tally.refused(),
          store.samplesApplied(vin), TwinComparison.diverged(SignalCatalog.builtIn(),
              tally.lastValues(), store.latestSignals(vin)), 0, List.of(), check);
      assertTrue(result.clean(), RunReport.verdict(result));
      assertEquals("converged", RunReport.verdict(result));
    }
  }

  @Test
  void a_code_the_twin_does_not_hold_is_a_mismatch_with_the_twins_refusal() {
    AssetId vin = VinFactory.vin(4242, 1);
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"))) {
      // Not registered: a twin without a production record refuses the car's DTC events.
      VirtualCar car = drive(store, vin, System.currentTimeMillis() - 10_000, 20);
      DtcCheck check = TwinComparison.dtcs(car.ledger().dtcs(), store, vin);
      assertFalse(check.matches());
      assertEquals(2, check.mismatches().size(), check.mismatches().toString());
      String missing = check.mismatches().get(0);
      assertTrue(missing.startsWith("1 DTC changes not in the twin (first: P0562 set at"), missing);
      assertTrue(missing.contains("the twin last refused: IllegalTransitionException"), missing);
      assertEquals("open DTCs: the car's [P0562], the twin's []", check.mismatches().get(1));

      Ledger.Snapshot tally = car.tally();
      CarResult result = new CarResult(vin, tally.accepted(), tally.refused(),
          store.samplesApplied(vin), List.of(), 0, List.of(), check);
      assertEquals(0, result.lost(), "every sample arrived");
      assertFalse(result.clean(), "but a DTC did not");
      assertTrue(RunReport.verdict(result).startsWith("DTCs differ: 1 DTC changes not in the twin"),
          RunReport.verdict(result));
    }
  }

  @Test
  void a_change_the_car_did_not_raise_or_one_the_twin_lacks_is_a_mismatch() {
    AssetId vin = VinFactory.vin(4242, 2);
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"))) {
      new RegisteringOffice(store).start(List.of(vin), System.currentTimeMillis());
      long t0 = System.currentTimeMillis() - 10_000;
      VirtualCar car = drive(store, vin, t0, 20);
      DtcHistory truth = car.ledger().dtcs();
      assertTrue(TwinComparison.dtcs(truth, store, vin).matches());

      List<DtcHistory.Change> more = new ArrayList<>(truth.kept());
      more.add(
          new DtcHistory.Change("dtc-9-C0750-set", t0 + 500, TroubleCode.TYRE_FRONT_LEFT, true));
      DtcCheck lacking = TwinComparison.dtcs(new DtcHistory(more, Optional.empty(), 10), store, vin);
      assertEquals(List.of("1 DTC changes not in the twin (first: C0750 set at "
              + Instant.ofEpochMilli(t0 + 500) + ")",
          "open DTCs: the car's [C0750, P0562], the twin's [P0562]"), lacking.mismatches());

      DtcCheck forgotten = TwinComparison.dtcs(DtcHistory.EMPTY, store, vin);
      assertEquals(List.of("the twin holds 1 DTC changes the car did not raise (first: P0562 set at "
              + Instant.ofEpochMilli(t0) + ")",
          "open DTCs: the car's [], the twin's [P0562]"), forgotten.mismatches());
    }
  }

  /** Drives the car {@code ticks} ticks from {@code t0} and waits until the twin has all of it. */
  private VirtualCar drive(TwinStore store, AssetId vin, long t0, int ticks) {
    String url = TestBrokers.embedded().url();
    try (FleetIngest ingest = FleetIngest.builder(url, store).build();
        EdgeAgent agent = CarAgents.build(vin, url, dir.resolve("agent-" + vin.value()), COMMUTE,
            Optional.empty(), MqttSecurity.none())) {
      ingest.start();
      agent.start();
      VirtualCar car = new VirtualCar(vin, new CarModel(MODEL_SEED, COMMUTE, Duration.ofMinutes(1)),
          agent);
      for (int tick = 0; tick < ticks; tick++) {
        car.tick(t0 + tick * VirtualCar.TICK_MILLIS);
      }
      agent.flush();
      await().atMost(Duration.ofSeconds(30)).until(() -> agent.stats().backlogBatches() == 0
          && store.samplesApplied(vin) == car.ledger().accepted());
      assertEquals(0, car.ledger().refused());
      return car;
    }
  }
}
