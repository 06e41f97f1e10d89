package io.spime.sim.internal;

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
    assertTrue(error.getMessage().contains("commute, outages"), error.getMessage());
  }

  @Test
  void a_scenario_file_overrides_its_base() throws Exception {
    Path file = dir.resolve("tunnels.properties");
    Files.writeString(file,
        "base=outages\nname=many tunnels\ntunnel=1s..2s\ntunnelsPerCarPerHour=600\nbatchWindow=5s\n");
    ScenarioSpec spec = ScenarioSpec.resolve(file.toString());
    assertEquals("many tunnels", spec.name());
    assertEquals(600, spec.tunnelsPerCarPerHour());
    assertEquals(Duration.ofSeconds(1), spec.tunnel().min());
    assertEquals(1, spec.brokerRestarts(), "taken from the base");
    assertEquals(Duration.ofSeconds(5), spec.batchWindow());
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
