package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenarios whose back office acts during the run: rentals and whole lifetimes. */
class BackOfficeScenariosTest {
  @TempDir Path dir;

  @Test
  void rental_fleet_customers_find_their_profile_in_every_car_they_rent() {
    CliRun run = CliRun.of("run", "--scenario", "rental-fleet", "--vehicles", "3", "--duration", "20s",
        "--data-dir", dir.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().matches("(?s).*rentals: [1-9][0-9]*, profile followed the customer in [1-9][0-9]*, not in 0.*"),
        run.out());
    assertTrue(run.out().contains("result: OK"), run.out());
  }

  @Test
  void lifetime_cars_leave_a_spime_record_of_every_phase() {
    CliRun run = CliRun.of("run", "--scenario", "lifetime", "--vehicles", "3", "--duration", "8s",
        "--data-dir", dir.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("lifetimes: 3 of 3 spime records hold every phase"), run.out());
  }
}
