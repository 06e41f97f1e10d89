package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.sim.internal.build.BuildInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The help reads whole at 80 columns; the version names the build's version and commit. */
class HelpAndVersionTest {
  @ParameterizedTest
  @ValueSource(strings = {"", "demo", "run", "cloud", "twin", "bench", "compare", "export", "verify"})
  void every_help_fits_80_columns(String command) {
    CliRun help = command.isEmpty() ? CliRun.of("--help") : CliRun.of(command, "--help");
    assertEquals(0, help.exitCode(), help.err());
    help.out().lines().forEach(line ->
        assertTrue(line.length() <= 80, line.length() + " columns: " + line));
  }

  @Test
  void the_command_list_gives_each_command_a_whole_sentence() {
    String help = CliRun.of("--help").out();
    List<String> summaries = new ArrayList<>();
    for (String line : help.substring(help.indexOf("Commands:")).lines().skip(1).toList()) {
      if (line.startsWith("  ") && !line.startsWith("    ")) {
        summaries.add(line.strip());
      } else {
        int last = summaries.size() - 1;
        summaries.set(last, summaries.get(last) + " " + line.strip());
      }
    }
    assertTrue(summaries.size() >= 5, help);
    summaries.forEach(summary -> assertTrue(summary.endsWith("."), "cut mid-sentence: " + summary));
  }

  @Test
  void a_description_is_one_paragraph_wrapped_evenly() {
    String help = CliRun.of("run", "--help").out();
    List<String> lines = help.lines().toList();
    int start = 0;
    while (!lines.get(start).startsWith("Runs a fleet")) {
      start++;
    }
    for (int i = start; !lines.get(i + 1).startsWith(" "); i++) {
      assertTrue(lines.get(i).length() > 60, "a line broken early: '" + lines.get(i) + "'");
    }
  }

  @Test
  void the_version_names_the_build_version_and_its_commit() throws Exception {
    CliRun version = CliRun.of("--version");
    assertEquals(0, version.exitCode());
    String line = version.out().strip();
    assertTrue(line.matches("spime-sim \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit [0-9a-f]{12}.*\\)"),
        line);
    // the newest commit that is not a merge: HEAD itself, or for a merge the newest commit it brings in
    String head = git("log", "-1", "--no-merges", "--format=%H");
    if (!head.isEmpty()) {
      assertTrue(head.startsWith(line.substring(line.indexOf("commit ") + 7).substring(0, 12)),
          "the commit the classes were built from, " + head + ": " + line);
    }
  }

  @Test
  void a_build_without_git_says_so_instead_of_a_commit() {
    assertEquals("spime-sim 0.1.0 (commit unknown: built without git metadata)",
        new BuildInfo("0.1.0", BuildInfo.UNKNOWN).describe());
  }

  /** A git command's output, or empty without git or outside a repository. */
  private static String git(String... args) throws InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "";
    } catch (IOException e) {
      return "";
    }
  }
}
