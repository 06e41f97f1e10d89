package io.spime.sim.internal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioSpecTest {
  @TempDir Path dir;

  @Test
  void built_in_scenarios_resolve_by_name_in_any_case() {
    assertFalse(ScenarioSpec.resolve("commute").injectsFaults());
    assertTrue(ScenarioSpec.resolve("OUTAGES").injectsFaults());
  }

  @Test
  void an_unknown_scenario_names_the_ones_that_exist() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ScenarioSpec.resolve("rush-hour"));
    assertTrue(error.getMessage().contains("commute, lifetime, outages, renewal, rental-fleet"), error.getMessage());
  }

  @Test
  void a_scenario_file_overrides_its_base() throws Exception {
    Path file = dir.resolve("tunnels.properties");
    Files.writeString(file,
        "base=outages\nname=many tunnels\ntunnel=1s..2s\ntunnelsPerCarPerHour=600\nbatchWindow=5s\n");
    ScenarioSpec spec = ScenarioSpec.resolve(file.toString());
    assertEquals("many tunnels", spec.name());
    assertEquals(600, spec.faults().tunnelsPerCarPerHour());
    assertEquals(Duration.ofSeconds(1), spec.faults().tunnel().min());
    assertEquals(1, spec.faults().brokerRestarts(), "taken from the base");
    assertEquals(Duration.ofSeconds(5), spec.batchWindow());
  }

  @Test
  void a_scenario_file_sets_the_agent_kills_and_outages_kills_three_cars_by_default() throws Exception {
    ScenarioFaults outages = ScenarioSpec.resolve("outages").faults();
    assertEquals(3, outages.killedCars());
    assertTrue(outages.agentKillsPerCarPerHour() > 0);
    assertEquals(0, ScenarioSpec.resolve("commute").faults().killedCars());

    Path file = dir.resolve("kills.properties");
    Files.writeString(file, "base=commute\nkilledCars=2\nagentKillsPerCarPerHour=720\n"
        + "agentRestart=500ms..2s\n");
    ScenarioSpec spec = ScenarioSpec.resolve(file.toString());
    assertTrue(spec.injectsFaults(), "killed cars are a fault");
    assertEquals(2, spec.faults().killedCars());
    assertEquals(720, spec.faults().agentKillsPerCarPerHour());
    assertEquals(Duration.ofMillis(500), spec.faults().agentRestart().min());
    assertEquals(0, spec.faults().tunnelsPerCarPerHour(), "taken from the base");
  }

  @Test
  void a_negative_or_malformed_kill_setting_is_refused_with_the_key() throws Exception {
    Path negative = dir.resolve("n.properties");
    Files.writeString(negative, "killedCars=-1\n");
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ScenarioSpec.resolve(negative.toString()));
    assertTrue(error.getMessage().contains("killedCars must be 0 or more, was -1"), error.getMessage());

    Path words = dir.resolve("w.properties");
    Files.writeString(words, "agentKillsPerCarPerHour=often\n");
    error = assertThrows(IllegalArgumentException.class, () -> ScenarioSpec.resolve(words.toString()));
    assertTrue(error.getMessage().contains("agentKillsPerCarPerHour must be a number, was 'often'"),
        error.getMessage());
  }

  @Test
  void a_scenario_written_as_properties_reads_back_the_same() throws Exception {
    for (String name : ScenarioSpec.BUILT_IN.keySet()) {
      ScenarioSpec spec = ScenarioSpec.resolve(name);
      Path file = dir.resolve(name + ".properties");
      ScenarioFile.write(file, spec.toProperties(), "test");
      assertEquals(spec, ScenarioSpec.resolve(file.toString()));
    }
  }

  @Test
  void a_scenario_file_with_an_unknown_key_or_bad_range_is_refused_with_its_name() throws Exception {
    Path unknown = dir.resolve("a.properties");
    Files.writeString(unknown, "tunels=3\n");
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ScenarioSpec.resolve(unknown.toString()));
    assertTrue(error.getMessage().contains("unknown key 'tunels'"), error.getMessage());

    Path backwards = dir.resolve("b.properties");
    Files.writeString(backwards, "trip=2m..30s\n");
    error = assertThrows(IllegalArgumentException.class,
        () -> ScenarioSpec.resolve(backwards.toString()));
    assertTrue(error.getMessage().contains("b.properties"), error.getMessage());
  }
}
