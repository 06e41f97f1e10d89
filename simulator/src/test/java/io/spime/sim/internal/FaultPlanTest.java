package io.spime.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    double expected = 200 * OUTAGES.tunnelsPerCarPerHour() * 0.5;
    assertTrue(Math.abs(plan.linkCuts() - expected) < expected * 0.15,
        plan.linkCuts() + " cuts, expected about " + expected);
    for (FaultPlan.Fault fault : plan.faults()) {
      if (!fault.isBrokerRestart()) {
        assertTrue(fault.length().compareTo(OUTAGES.tunnel().min()) >= 0);
        assertTrue(fault.length().compareTo(OUTAGES.tunnel().max()) <= 0);
        assertTrue(fault.at().compareTo(Duration.ofMinutes(30)) < 0);
      }
    }
    assertEquals(OUTAGES.brokerRestarts(), plan.brokerRestarts());
  }

  @Test
  void commute_injects_nothing() {
    assertEquals(0, FaultPlan.draw(ScenarioSpec.resolve("commute"), 100, Duration.ofHours(1), 3)
        .faults().size());
  }
}
