package io.spime.sim;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * spime-sim in a JVM of its own, its standard output and error going to one file (not a
 * terminal), as a CI job runs it.
 */
record SimProcess(int exitCode, String output) {
  static SimProcess run(Path outputFile, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Process process = start(outputFile, env, args);
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("spime-sim " + String.join(" ", args) + " did not end in 3 min");
    }
    return new SimProcess(process.exitValue(), Files.readString(outputFile, StandardCharsets.UTF_8));
  }

  /** Starts spime-sim and returns at once; its output goes to {@code outputFile}. */
  static Process start(Path outputFile, Map<String, String> env, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // The jar's logging configuration, not the tests' (which logs more).
        "-Dlogback.configurationFile=" + SpimeSim.class.getResource("/logback.xml"),
        "-cp", System.getProperty("java.class.path"), SpimeSim.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(outputFile.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    return builder.start();
  }

  /** The output's lines, without the JVM's own warnings. */
  List<String> lines() {
    return output.lines().filter(line -> !line.startsWith("WARNING: ")).toList();
  }

  String lastLine() {
    List<String> lines = lines();
    return lines.get(lines.size() - 1);
  }
}
