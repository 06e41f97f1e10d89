package io.spime.sim;

import io.spime.mqtt.InvalidSecurityException;
import io.spime.sim.internal.build.RunInfo;
import io.spime.sim.internal.car.FleetMix;
import io.spime.sim.internal.cloud.ApiTwins;
import io.spime.sim.internal.cloud.CloudException;
import io.spime.sim.internal.fleet.ConsoleMode;
import io.spime.sim.internal.fleet.FileBudget;
import io.spime.sim.internal.fleet.FleetRun;
import io.spime.sim.internal.ingest.IngestPlan;
import io.spime.sim.internal.office.FleetRegistry;
import io.spime.sim.internal.report.RunJson;
import io.spime.sim.internal.report.RunReport;
import io.spime.sim.internal.scenario.RunConfig;
import io.spime.sim.options.OutputOptions;
import io.spime.twin.event.VehicleProduced;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Runs a fleet for a command: a bad configuration is a usage error, the verdict is the exit code. */
final class FleetRunner {
  private FleetRunner() {}

  /** A run with the default output: status lines or a bar, the whole summary, data kept. */
  static int run(CommandLine line, Supplier<RunConfig> config) {
    return run(line, new OutputOptions(), config);
  }

  /** A run with its ingest in this process, printing as {@code output} says. */
  static int run(CommandLine line, OutputOptions output, Supplier<RunConfig> config) {
    return run(line, output, config, () -> IngestPlan.IN_PROCESS);
  }

  /**
   * A run that prints as {@code output} says, with the ingest where {@code ingests} says, writes
   * its JSON result when asked, and ends with the line that says whether its temporary data folder
   * was kept or removed.
   */
  static int run(CommandLine line, OutputOptions output, Supplier<RunConfig> config,
      Supplier<IngestPlan> ingests) {
    RunConfig checked;
    IngestPlan plan;
    ConsoleMode console;
    try {
      checked = config.get();
      plan = ingests.get();
      FileBudget.check(checked.vehicles(), FileBudget.perCar(checked.brokerUrl().isEmpty(),
          checked.scenario().injectsFaults()), FileBudget.limit(), "--vehicles");
      console = ConsoleMode.auto(output.quiet(), output.statusEvery());
    } catch (InvalidSecurityException e) {
      return BrokerErrors.misconfigured(line, e);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(line, e.getMessage());
    }
    if (plan.cloud().isPresent()) {
      try {
        ApiTwins api = new ApiTwins(plan.cloud().get());
        api.check();
        // the cars as the registering back office would produce them, an hour ago, through the API
        Instant builtAt = Instant.now().minus(Duration.ofHours(1));
        List<VehicleProduced> records = new ArrayList<>();
        for (int i = 0; i < checked.vehicles(); i++) {
          records.add(FleetRegistry.produced(FleetMix.idAt(checked.scenario(), checked.seed(), i), builtAt));
        }
        api.register(records);
      } catch (CloudException e) {
        line.getErr().println("spime-sim: ERROR: " + line.getCommandName() + ": "
            + (e.refused() ? "the spime-cloud refused the token: " : "") + e.getMessage());
        line.getErr().flush();
        return e.refused() ? ExitCodes.CLOUD_REFUSED : ExitCodes.FAILURE;
      }
    }
    PrintWriter out = line.getOut();
    RunInfo info = RunInfo.here(line.getCommandSpec().root().commandLine().getParseResult()
        .originalArgs());
    FleetRun run = new FleetRun(checked, plan, out, console, info);
    try {
      RunReport report = run.run();
      if (output.quiet()) {
        out.println(report.resultLine());
      } else {
        report.print(out);
      }
      output.json().ifPresent(file -> {
        RunJson.write(file, report);
        if (!output.quiet()) {
          out.println("json: " + file);
        }
      });
      return report.clean() ? ExitCodes.OK : ExitCodes.VIOLATION;
    } finally {
      run.dataDir().ifPresent(dir ->
          DataFolder.settle(dir, checked.dataDir().isPresent() || output.keepData(), out));
      out.flush();
    }
  }
}
