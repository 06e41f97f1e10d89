package io.spime.sim;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One spime-sim invocation in this JVM: its exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = SpimeSim.commandLine();
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    int code = line.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
