package io.spime.sim;

import io.spime.sim.internal.CarProcess;
import io.spime.wire.Vin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spime-sim car}, not listed in the help: one out-of-process car of a {@code run}, started by
 * the fleet in a child JVM so that a fault can kill it with SIGKILL. Speaks a line protocol on its
 * standard input and output (see {@link CarProcess}).
 */
@Command(name = "car", hidden = true,
    description = "One car of a run in its own process (started by 'run'; not for direct use).")
final class CarCommand implements Callable<Integer> {
  @Option(names = "--vin", required = true)
  String vin;

  @Option(names = "--index", required = true)
  int index;

  @Option(names = "--seed", required = true)
  long seed;

  @Option(names = "--broker", required = true)
  String broker;

  @Option(names = "--agent-dir", required = true)
  Path agentDir;

  @Option(names = "--ledger", required = true)
  Path ledger;

  @Option(names = "--scenario", required = true)
  Path scenario;

  @Option(names = "--drive-millis", required = true)
  long driveMillis;

  @Option(names = "--restarts", defaultValue = "0")
  int restarts;

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    return CarProcess.run(new CarProcess.Args(Vin.parse(vin), index, seed, broker, agentDir,
        ledger, scenario, Duration.ofMillis(driveMillis), restarts), in, out);
  }
}
