package io.spime.sim.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.sim.internal.faults.AgentKill;
import io.spime.sim.internal.fleet.FleetRun;
import io.spime.sim.internal.report.OutOfProcessCars;
import io.spime.sim.internal.report.RunReport;
import io.spime.sim.internal.scenario.RunConfig;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.sim.internal.verify.CarResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet run in which two of six cars run in child JVMs and are killed with SIGKILL, several
 * times, and restarted from their outboxes: nothing they accepted is lost, nothing is applied twice
 * beyond what was in flight at a kill, and their twins converge. About 45 s.
 */
class AgentKillsIT {
  private static final Logger LOG = LoggerFactory.getLogger(AgentKillsIT.class);
  @TempDir Path dir;

  @Test
  void cars_killed_with_sigkill_restart_from_their_outbox_and_lose_nothing() throws Exception {
    Path scenario = dir.resolve("kills.properties");
    Files.writeString(scenario, String.join("\n",
        "base=outages", "name=kills", "brokerRestarts=0", "tunnelsPerCarPerHour=120",
        "killedCars=2", "agentKillsPerCarPerHour=720", "agentRestart=1s..2s", ""));
    RunConfig config = new RunConfig(ScenarioSpec.resolve(scenario.toString()), 6,
        Duration.ofSeconds(30), 5, Optional.of(dir.resolve("data")), Optional.empty(),
        Optional.empty(), Optional.of(dir.resolve("report.html")));
    StringWriter out = new StringWriter();

    RunReport report = new FleetRun(config, new PrintWriter(out)).run();
    report.print(new PrintWriter(out));
    LOG.info("run:\n{}", out);

    OutOfProcessCars children = report.outOfProcess();
    assertEquals(2, children.cars());
    List<AgentKill> kills = children.kills();
    assertTrue(kills.size() >= 2, "killed at least twice: " + kills);
    for (AgentKill kill : kills) {
      assertEquals(137, kill.exitCode(), "exit by signal 9 (128 + 9): " + kill);
    }
    assertEquals(kills.size(), children.restarts(), "every killed car was started again");
    assertTrue(children.startupMillis().size() >= 2, "the first starts were measured");

    List<CarResult> killed = report.cars().subList(0, 2);
    for (CarResult car : killed) {
      assertTrue(car.kills() >= 1, car.vin() + " was killed");
      assertEquals(0, car.lost(), car.vin() + " lost nothing");
      assertTrue(car.inFlight() <= car.kills(), car.vin() + ": at most one in flight per kill");
      assertTrue(car.clean(), car.vin() + ": " + RunReport.verdict(car));
    }
    assertEquals(kills.size(), killed.stream().mapToInt(CarResult::kills).sum());
    assertTrue(report.cars().subList(2, 6).stream().allMatch(car -> car.kills() == 0));
    assertTrue(report.clean(), out.toString());
    assertTrue(out.toString().contains(
        kills.size() + " agent kills (" + kills.size() + " ended by SIGKILL, exit 137)"), out.toString());

    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("<h2>Agent kills</h2>"), "a table of the kills");
    assertEquals(kills.size(), html.split("137 \\(SIGKILL\\)", -1).length - 1);
    List<String> csv = Files.readAllLines(dir.resolve("report.csv"));
    assertTrue(csv.get(0).endsWith(",agents_down,agent_kills"), csv.get(0));
    assertTrue(csv.get(csv.size() - 1).endsWith("," + kills.size()), csv.get(csv.size() - 1));
  }
}
