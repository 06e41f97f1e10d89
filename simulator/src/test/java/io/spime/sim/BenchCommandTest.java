package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code spime-sim bench} through picocli: a tiny run, and its flag checks. No timing is asserted. */
class BenchCommandTest {
  @TempDir Path dir;

  @Test
  void a_tiny_bench_on_the_shared_loop_client_prints_both_halves_with_nonzero_rates_and_nothing_lost() {
    CliRun run = CliRun.of("bench", "--vehicles", "5", "--duration", "2s", "--warmup", "0s",
        "--data-dir", dir.resolve("run").toString(), "--mqtt-client", "hivemq");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("broker loopback ("), run.out());
    assertTrue(run.out().contains("end to end ("), run.out());
    for (String shape : new String[] {"wildcard", "shared", "nodelay"}) {
      assertTrue(number(run.out(), "\\n  " + shape + "\\s+\\S+\\s+([\\d,]+)") > 0,
          shape + " loopback delivered nothing: " + run.out());
    }
    assertTrue(number(run.out(), "applied\\s+([\\d,]+) samples/s median") > 0, run.out());
    assertTrue(number(run.out(), "applied\\s+([\\d,]+) batches/s median") > 0, run.out());
    long accepted = number(run.out(), "verification\\s+accepted ([\\d,]+)");
    assertTrue(accepted > 0, run.out());
    assertEquals(accepted, number(run.out(), "stored ([\\d,]+):"), run.out());
    assertTrue(run.out().contains(": missing 0, extra 0, cars off 0, refused 0"), run.out());
    assertTrue(run.out().contains("result: OK, every accepted sample stored once, 0 lost"), run.out());
    assertTrue(run.out().contains("batches/s ÷ messages/s"), "ratios printed: " + run.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "--vehicles 0",
      "--vehicles 10001",
      "--signals 0",
      "--signals 1000",
      "--rate-hz 0",
      "--rate-hz 101",
      "--batch-window 5ms",
      "--batch-window 2h",
      "--duration 0s",
      "--warmup soon",
      "--seed many",
      "--mqtt-client quic",
      "--no-such-flag"
  })
  void bad_flags_get_one_line_and_exit_code_2(String flags) {
    CliRun run = CliRun.of(("bench " + flags).split(" "));

    assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    String[] lines = run.err().strip().split("\n");
    assertEquals(2, lines.length, "one error line and one hint: " + run.err());
    assertTrue(lines[0].startsWith("spime-sim: "), lines[0]);
    assertTrue(lines[0].contains(flags.split(" ")[0]), "names the flag: " + lines[0]);
    assertFalse(run.err().contains("Exception"), "no stack trace: " + run.err());
    assertEquals("", run.out(), "nothing runs");
  }

  @Test
  void a_data_dir_that_is_not_empty_is_refused_before_anything_runs() throws IOException {
    Path used = Files.createDirectories(dir.resolve("used"));
    Files.writeString(used.resolve("twins.db"), "from an earlier run");

    CliRun run = CliRun.of("bench", "--data-dir", used.toString());

    assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    assertTrue(run.err().contains("--data-dir " + used + " is not empty"), run.err());
    assertEquals("", run.out());
  }

  private static long number(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertTrue(matcher.find(), "no match for " + regex + " in:\n" + text);
    return Long.parseLong(matcher.group(1).replace(",", ""));
  }
}
