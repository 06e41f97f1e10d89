package io.spime.sim.internal.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.sim.internal.scenario.ScenarioFaults;
import io.spime.sim.internal.scenario.ScenarioSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
  private static final ScenarioSpec OUTAGES = ScenarioSpec.resolve("outages");

  @Test
  void the_same_seed_draws_the_same_faults() {
    Duration tenMinutes = Duration.ofMinutes(10);
    assertEquals(FaultPlan.draw(OUTAGES, 50, tenMinutes, 7), FaultPlan.draw(OUTAGES, 50, tenMinutes, 7));
    assertNotEquals(FaultPlan.draw(OUTAGES, 50, tenMinutes, 7), FaultPlan.draw(OUTAGES, 50, tenMinutes, 8));
  }

  @Test
  void link_cuts_follow_the_scenario_rate_and_lengths() {
    FaultPlan plan = FaultPlan.draw(OUTAGES, 200, Duration.ofMinutes(30), 1);
    double expected = 200 * OUTAGES.faults().tunnelsPerCarPerHour() * 0.5;
    assertTrue(Math.abs(plan.linkCuts() - expected) < expected * 0.15,
        plan.linkCuts() + " cuts, expected about " + expected);
    for (FaultPlan.Fault fault : plan.faults()) {
      if (fault.kind() == FaultPlan.Kind.LINK_CUT) {
        assertTrue(fault.length().compareTo(OUTAGES.faults().tunnel().min()) >= 0);
        assertTrue(fault.length().compareTo(OUTAGES.faults().tunnel().max()) <= 0);
        assertTrue(fault.at().compareTo(Duration.ofMinutes(30)) < 0);
      }
    }
    assertEquals(OUTAGES.faults().brokerRestarts(), plan.brokerRestarts());
  }

  @Test
  void agent_kills_repeat_with_the_seed_and_hit_only_the_out_of_process_cars() {
    Duration hour = Duration.ofHours(1);
    FaultPlan plan = FaultPlan.draw(OUTAGES, 50, hour, 11);
    assertEquals(plan, FaultPlan.draw(OUTAGES, 50, hour, 11));
    assertNotEquals(kills(plan), kills(FaultPlan.draw(OUTAGES, 50, hour, 12)));
    assertEquals(OUTAGES.faults().killedCars(), plan.outOfProcessCars());
    double expected = OUTAGES.faults().killedCars() * OUTAGES.faults().agentKillsPerCarPerHour() * 0.8;
    assertTrue(Math.abs(plan.agentKills() - expected) < expected * 0.25,
        plan.agentKills() + " kills, expected about " + expected);
    for (FaultPlan.Fault kill : kills(plan)) {
      assertTrue(kill.car() >= 0 && kill.car() < plan.outOfProcessCars(), "car " + kill.car());
      assertTrue(kill.length().compareTo(OUTAGES.faults().agentRestart().min()) >= 0);
      assertTrue(kill.length().compareTo(OUTAGES.faults().agentRestart().max()) <= 0);
      assertTrue(kill.at().compareTo(hour.multipliedBy(8).dividedBy(10)) < 0, "in the first 80 %");
    }
  }

  @Test
  void a_car_is_never_killed_again_before_it_has_restarted() {
    FaultPlan plan = FaultPlan.draw(OUTAGES, 3, Duration.ofHours(2), 5);
    for (int car = 0; car < plan.outOfProcessCars(); car++) {
      Duration upAgain = Duration.ZERO;
      for (FaultPlan.Fault kill : kills(plan)) {
        if (kill.car() == car) {
          assertTrue(kill.at().compareTo(upAgain) >= 0, "kill at " + kill.at() + " before " + upAgain);
          upAgain = kill.at().plus(kill.length());
        }
      }
    }
  }

  @Test
  void out_of_process_cars_are_capped_by_the_fleet_and_kills_keep_the_link_cuts_unchanged() {
    FaultPlan two = FaultPlan.draw(OUTAGES, 2, Duration.ofMinutes(30), 4);
    assertEquals(2, two.outOfProcessCars());
    ScenarioSpec noKills = new ScenarioSpec("no kills", OUTAGES.trip(), OUTAGES.parked(),
        OUTAGES.batchWindow(), new ScenarioFaults(OUTAGES.faults().tunnelsPerCarPerHour(),
            OUTAGES.faults().tunnel(), OUTAGES.faults().brokerRestarts(), 0, 0,
            OUTAGES.faults().agentRestart()));
    FaultPlan without = FaultPlan.draw(noKills, 2, Duration.ofMinutes(30), 4);
    assertEquals(0, without.outOfProcessCars());
    assertEquals(0, without.agentKills());
    assertEquals(without.faults(), two.faults().stream()
        .filter(fault -> fault.kind() != FaultPlan.Kind.AGENT_KILL).toList());
  }

  private static java.util.List<FaultPlan.Fault> kills(FaultPlan plan) {
    return plan.faults().stream().filter(fault -> fault.kind() == FaultPlan.Kind.AGENT_KILL).toList();
  }

  @Test
  void commute_injects_nothing() {
    assertEquals(0, FaultPlan.draw(ScenarioSpec.resolve("commute"), 100, Duration.ofHours(1), 3)
        .faults().size());
  }
}
