package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpimeSimCliTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {
      "demo --vehicles -3",
      "demo --vehicles 0",
      "demo --vehicles many",
      "demo --duration forever",
      "demo --duration 0s",
      "demo --no-such-flag",
      "no-such-command",
      "run --scenario rush-hour",
      "run --broker http://127.0.0.1:1",
      "run --broker tcp://no-port",
      "run --vehicles 10001"
  })
  void bad_flags_get_one_line_and_exit_code_2(String args) {
    CliRun result = CliRun.of(args.split(" "));
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.err());
    String[] lines = result.err().strip().split("\n");
    assertEquals(2, lines.length, "one error line and one hint: " + result.err());
    assertTrue(lines[0].startsWith("spime-sim: "), lines[0]);
    assertTrue(!result.err().contains("Exception"), "no stack trace: " + result.err());
  }

  @ParameterizedTest
  @CsvSource({
      "demo, --vehicles=N, 10",
      "demo, --duration=D, 30s",
      "run, --vehicles=N, 10",
      "run, --duration=D, 1m",
      "bench, --vehicles=N, 1000",
      "bench, --duration=D, 60s",
      "bench, --seed=S, 1"
  })
  void each_command_gives_the_shared_options_its_own_default(String command, String option,
      String fallback) {
    CliRun help = CliRun.of(command, "--help");
    assertEquals(0, help.exitCode(), help.err());
    String line = help.out().lines().map(String::strip)
        .filter(said -> said.startsWith(option)).findFirst().orElseThrow();
    String text = help.out().substring(help.out().indexOf(line)).replaceAll("\\s+", " ");
    assertTrue(text.contains("(default " + fallback + ")"), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cloud --store x.db", "twin 1M8GDM9AXKP042788"})
  void a_command_that_needs_a_shared_option_refuses_to_run_without_it(String args) {
    CliRun result = CliRun.of(args.split(" "));
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("spime-sim: Missing required option: '--"), result.err());
  }

  @Test
  void the_help_does_not_list_the_car_command_that_runs_in_child_processes() {
    CliRun help = CliRun.of("--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("demo") && help.out().contains("run"), help.out());
    assertTrue(!help.out().matches("(?s).*\\n\\s+car\\s.*"), "car is hidden: " + help.out());
    CliRun car = CliRun.of("car", "--vin", "1M8GDM9AXKP042788");
    assertEquals(ExitCodes.USAGE, car.exitCode(), "but it exists and checks its options");
  }

  @Test
  void a_short_demo_reports_zero_loss_and_exits_0() {
    CliRun result =
        CliRun.of("demo", "--vehicles", "3", "--duration", "3s", "--data-dir", dir.toString());
    assertEquals(0, result.exitCode(), result.out() + result.err());
    assertTrue(result.out().contains("result: OK"), result.out());
    assertTrue(result.out().matches("(?s).*\\ntotal\\s+(\\d+)\\s+\\1\\s+0\\s+0\\s+0\\s+0\\n.*"),
        "total accepted equals total stored, none lost, duplicated, killed or in flight: "
            + result.out());
  }
}
