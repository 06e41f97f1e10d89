package io.spime.sim.internal.process;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.cloud.sync.FleetIngest;
import io.spime.sim.internal.car.VinFactory;
import io.spime.sim.internal.faults.AgentKill;
import io.spime.sim.internal.ledger.Ledger;
import io.spime.sim.internal.ledger.LedgerFile;
import io.spime.sim.internal.scenario.ScenarioFile;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.sim.internal.verify.CarResult;
import io.spime.testkit.TestBrokers;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.AssetId;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A car in a real child JVM: killed with SIGKILL and restarted, or dying on its own. */
class ChildCarTest {
  private static final AssetId VIN = VinFactory.vin(91, 0);
  @TempDir Path dir;

  @Test
  void a_child_killed_with_sigkill_exits_137_and_its_restart_continues_the_ledger() throws Exception {
    Path scenario = dir.resolve("scenario.properties");
    ScenarioFile.write(scenario, ScenarioSpec.resolve("commute").toProperties(), "test");
    String url = TestBrokers.embedded().url();
    Path ledger = dir.resolve("car.ledger");
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).build()) {
      ingest.start();
      ChildCar car = new ChildCar(new CarProcess.Args(VIN, 0, 91, url, dir.resolve("agent"),
          ledger, scenario, Duration.ofMinutes(1), 0), dir.resolve("car.log"));
      try {
        car.start();
        assertTrue(car.awaitReady(Duration.ofSeconds(30)), "started");
        await().atMost(Duration.ofSeconds(20)).until(() -> car.status().online());

        assertEquals(AgentKill.SIGKILL_EXIT, car.kill(), "128 + signal 9");
        assertTrue(car.isDown());
        assertTrue(car.status().down());
        long beforeRestart = LedgerFile.read(ledger).accepted();
        assertTrue(car.ensureRunning(), "a killed car is started again");
        assertTrue(car.awaitReady(Duration.ofSeconds(30)), "restarted");
        await().atMost(Duration.ofSeconds(20))
            .until(() -> car.status().accepted() > beforeRestart + 8);

        car.stopDriving();
        await().atMost(Duration.ofSeconds(30)).until(car::drained);
        car.close();
        Ledger.Snapshot tally = car.tally();
        assertEquals(1, car.kills());
        assertEquals(2, car.startupMillis().size(), "two starts measured");
        assertTrue(car.maxRssKb() > 0, "resident memory from /proc");
        assertTrue(car.failures().isEmpty(), car.failures().toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> store.samplesApplied(VIN) >= tally.accepted());
        long stored = store.samplesApplied(VIN);
        CarResult result = new CarResult(VIN, tally.accepted(), tally.refused(), stored,
            java.util.List.of(), car.kills(), car.failures());
        assertEquals(0, result.lost());
        assertEquals(0, result.duplicated(), "stored " + stored + ", ledger " + tally.accepted());
      } finally {
        car.destroy();
      }
    }
  }

  @Test
  void a_child_that_dies_on_its_own_is_a_failure_and_nothing_waits_for_it() throws Exception {
    ChildCar car = new ChildCar(new CarProcess.Args(VIN, 0, 91, "tcp://127.0.0.1:1",
        dir.resolve("agent"), dir.resolve("car.ledger"), dir.resolve("no-such-scenario.properties"),
        Duration.ofMinutes(1), 0), dir.resolve("car.log"));
    car.start();
    assertFalse(car.awaitReady(Duration.ofSeconds(30)), "it never got as far as its first sample");
    await().atMost(Duration.ofSeconds(10)).until(() -> !car.failures().isEmpty());
    assertTrue(car.failures().get(0).contains("exited with 3 on its own"), car.failures().toString());
    assertTrue(car.drained(), "nothing more will come from it");
    car.stopDriving();
    car.close();
    assertEquals(0, car.kills());
  }
}
