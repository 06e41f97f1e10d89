package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spime-sim writing to a file, as in a CI log: whole status lines and no carriage return, log lines
 * on lines of their own, {@code --quiet}, and a last line that says what became of the data folder.
 */
class PlainOutputTest {
  private static final Pattern STATUS =
      Pattern.compile("spime-sim: driving \\d+ s of 4 s \\| online \\d+/3 \\| .* \\| killed \\d+");
  private static final Pattern LOG = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (INFO|WARN|ERROR) .*");

  @TempDir Path dir;

  @Test
  void output_to_a_file_gets_status_lines_and_no_carriage_return_and_the_data_folder_goes() throws Exception {
    SimProcess run = SimProcess.run(dir.resolve("log.txt"), Map.of("SPIME_LOG_LEVEL", "INFO"),
        "demo", "--vehicles", "3", "--duration", "4s", "--status-every", "1s");

    assertEquals(0, run.exitCode(), run.output());
    assertFalse(run.output().contains("\r"), "no carriage return in a file: " + run.output());
    List<String> status = run.lines().stream().filter(line -> line.startsWith("spime-sim: driving"))
        .toList();
    assertTrue(status.size() >= 3, "a status line a second: " + run.output());
    status.forEach(line -> assertTrue(STATUS.matcher(line).matches(), "a whole status line: " + line));
    List<String> logs = run.lines().stream()
        .filter(line -> line.contains(" INFO ") || line.contains(" WARN ")).toList();
    assertFalse(logs.isEmpty(), "the agents log their connections at INFO: " + run.output());
    logs.forEach(line -> assertTrue(LOG.matcher(line).matches(), "a log line of its own: " + line));
    assertTrue(run.output().contains("result: OK"), run.output());
    String last = run.lastLine();
    assertTrue(last.startsWith("data: removed /") && last.endsWith("(--keep-data keeps it)"), last);
    Path folder = Path.of(last.substring("data: removed ".length(), last.indexOf(" (")));
    assertFalse(Files.exists(folder), "the temporary data folder is gone: " + folder);
  }

  @Test
  void quiet_prints_only_the_result_and_keep_data_keeps_the_folder() throws Exception {
    SimProcess run = SimProcess.run(dir.resolve("log.txt"), Map.of(),
        "demo", "--vehicles", "2", "--duration", "2s", "--quiet", "--keep-data");

    assertEquals(0, run.exitCode(), run.output());
    assertEquals(2, run.lines().size(), "the result and the data line: " + run.output());
    assertTrue(run.lines().get(0).startsWith("result: OK - "), run.output());
    assertTrue(run.lastLine().startsWith("data: kept in /"), run.lastLine());
    Path folder = Path.of(run.lastLine().substring("data: kept in ".length()));
    assertTrue(Files.isRegularFile(folder.resolve("twins.db")), "kept with its store: " + folder);
  }
}
