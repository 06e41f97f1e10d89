package io.spime.sim;

import io.spime.mqtt.InvalidSecurityException;
import io.spime.sim.internal.access.SimIdentities;
import io.spime.sim.internal.build.RunInfo;
import io.spime.sim.internal.fleet.ConsoleMode;
import io.spime.sim.internal.fleet.FileBudget;
import io.spime.sim.internal.fleet.ShardRun;
import io.spime.sim.internal.scenario.RunConfig;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.sim.internal.scenario.ShardSlice;
import io.spime.sim.internal.shard.ShardLedger;
import io.spime.sim.options.OutputOptions;
import io.spime.sim.options.ShardOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Runs one shard for {@code run --shard i/N}: its exit code says whether the shard's outboxes
 * drained; the verdict on the cars is {@code spime-sim verify}'s, over every shard.
 */
final class ShardRunner {
  private ShardRunner() {}

  static int run(CommandLine line, OutputOptions output, ShardOptions options,
      Supplier<RunConfig> config) {
    RunConfig checked;
    ShardSlice shard;
    ConsoleMode console;
    Optional<SimIdentities> identities;
    try {
      identities = options.identities().map(SimIdentities::readCars);
      checked = config.get();
      shard = ShardSlice.parse(options.shard().orElseThrow());
      console = ConsoleMode.auto(output.quiet(), output.statusEvery());
      if (checked.brokerUrl().isEmpty()) {
        throw new IllegalArgumentException("--shard needs --broker: every shard of a fleet"
            + " connects to one external broker, from which spime-sim cloud ingests");
      }
      if (checked.reportFile().isPresent() || output.json().isPresent()) {
        throw new IllegalArgumentException("--report and --json go to spime-sim verify, which"
            + " judges the shards together");
      }
      if (checked.store().isPresent()) {
        throw new IllegalArgumentException("--store belongs to spime-sim cloud and verify: a shard"
            + " has no store of its own");
      }
      if (checked.scenario().office() != ScenarioSpec.Office.NONE) {
        throw new IllegalArgumentException("--shard runs scenarios without a back office (commute,"
            + " outages and scenario files based on them), not " + checked.scenario().name());
      }
      if (shard.to(checked.vehicles()) == shard.from(checked.vehicles())) {
        throw new IllegalArgumentException("--shard " + shard + " of " + checked.vehicles()
            + " cars has no car: use fewer shards than cars");
      }
      FileBudget.check(shard.to(checked.vehicles()) - shard.from(checked.vehicles()),
          FileBudget.perCar(false, checked.scenario().injectsFaults()), FileBudget.limit(),
          "--shard " + shard);
    } catch (InvalidSecurityException e) {
      return BrokerErrors.misconfigured(line, e);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(line, e.getMessage());
    }
    PrintWriter out = line.getOut();
    Path dataDir = DataFolder.create(checked.dataDir(), "spime-sim-shard-");
    RunInfo info = RunInfo.here(line.getCommandSpec().root().commandLine().getParseResult()
        .originalArgs());
    try {
      ShardLedger ledger = new ShardRun(checked, shard, dataDir, options.ledgerDir(),
          console.quiet() ? new PrintWriter(java.io.Writer.nullWriter()) : out, console, info,
          identities).run();
      if (output.quiet()) {
        out.println("shard " + shard + ": " + (ledger.header().drained() ? "drained" : "NOT drained")
            + "; ledger in " + options.ledgerDir().resolve(ShardLedger.fileName(shard)));
      }
      return ledger.header().drained() ? ExitCodes.OK : ExitCodes.VIOLATION;
    } finally {
      DataFolder.settle(dataDir, checked.dataDir().isPresent() || output.keepData(), out);
      out.flush();
    }
  }
}
