package io.spime.sim;

import io.spime.mqtt.InvalidSecurityException;
import io.spime.sim.internal.build.RunInfo;
import io.spime.sim.internal.fleet.ConsoleMode;
import io.spime.sim.internal.fleet.FileBudget;
import io.spime.sim.internal.fleet.SpreadRun;
import io.spime.sim.internal.ingest.IngestPlan;
import io.spime.sim.internal.scenario.RunConfig;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.sim.internal.shard.ShardVerdict;
import io.spime.sim.options.OutputOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Runs {@code run --processes N}: the fleet spread over N shard processes on this machine, with
 * one verdict; its exit code is the verdict's, or 1 when a shard or ingest process failed.
 */
final class SpreadRunner {
  /** Most shard processes a run starts: each holds thousands of cars. */
  static final int MAX_PROCESSES = 16;

  private SpreadRunner() {}

  static int run(CommandLine line, OutputOptions output, int processes, String scenario,
      Supplier<RunConfig> config, Supplier<IngestPlan> ingestPlan) {
    RunConfig checked;
    IngestPlan plan;
    ConsoleMode console;
    try {
      checked = config.get();
      plan = ingestPlan.get();
      console = ConsoleMode.auto(output.quiet(), output.statusEvery());
      if (processes < 2 || processes > MAX_PROCESSES) {
        throw new IllegalArgumentException("--processes must be 2 to " + MAX_PROCESSES + ", was "
            + processes + " (leave it out to drive every car in this process)");
      }
      if (processes > checked.vehicles()) {
        throw new IllegalArgumentException("--processes " + processes + " for " + checked.vehicles()
            + " cars: use fewer processes than cars");
      }
      if (checked.scenario().office() != ScenarioSpec.Office.NONE) {
        throw new IllegalArgumentException("--processes runs scenarios without a back office"
            + " (commute, outages and scenario files based on them), not "
            + checked.scenario().name());
      }
      FileBudget.check((checked.vehicles() + processes - 1) / processes,
          FileBudget.perCar(false, checked.scenario().injectsFaults()), FileBudget.limit(),
          "--processes " + processes);
    } catch (InvalidSecurityException e) {
      return BrokerErrors.misconfigured(line, e);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(line, e.getMessage());
    }
    PrintWriter out = line.getOut();
    RunInfo info = RunInfo.here(line.getCommandSpec().root().commandLine().getParseResult()
        .originalArgs());
    Path dataDir = DataFolder.create(checked.dataDir(), "spime-sim-");
    try {
      SpreadRun.Result result = new SpreadRun(checked, plan, scenario, processes, out, console, info)
          .run(dataDir);
      for (String failure : result.failures()) {
        out.println("spime-sim: FAILED: " + failure);
      }
      if (result.verdict().isPresent()) {
        ShardVerdict verdict = result.verdict().get();
        if (output.quiet()) {
          out.println(verdict.resultLine());
        } else {
          verdict.print(out);
        }
        output.json().ifPresent(file -> {
          verdict.writeJson(file);
          out.println("json: " + file);
        });
        checked.reportFile().ifPresent(file -> {
          verdict.writeHtml(file);
          out.println("report: " + file);
        });
      } else {
        out.println("result: FAILED - not every shard process ended; nothing was verified");
      }
      return result.clean() ? ExitCodes.OK : ExitCodes.VIOLATION;
    } finally {
      DataFolder.settle(dataDir, checked.dataDir().isPresent() || output.keepData(), out);
      out.flush();
    }
  }
}
