package io.spime.sim;

import io.spime.sim.internal.build.RunInfo;
import io.spime.sim.internal.shard.ShardLedger;
import io.spime.sim.internal.shard.ShardVerdict;
import io.spime.sim.internal.shard.ShardVerification;
import io.spime.sim.options.CommandOptions;
import io.spime.sim.options.StoreOption;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code spime-sim verify}: every shard's ledger against the cloud's store, one verdict. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    modelTransformer = VerifyCommand.Options.class,
    description = "Merges the ledgers of every shard of a fleet (run --shard i/N) with the twin"
        + " store the cloud wrote, and gives one verdict and one report. Exits 0 when every"
        + " sample the agents accepted is in its twin, once, 1 on any violation.")
final class VerifyCommand implements Callable<Integer> {
  /** There is nothing to verify against without the store. */
  static final class Options extends CommandOptions {
    Options() {
      required("--store");
    }
  }

  @Mixin StoreOption storeOption;

  @Option(names = "--ledgers", paramLabel = "DIR", required = true,
      description = "The folder holding every shard's ledger, shard-i-of-N.jsonl.")
  Path ledgers;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the verdict as JSON.")
  Path json;

  @Option(names = "--report", paramLabel = "FILE", description = "Write the verdict as HTML.")
  Path report;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String store;
    List<ShardLedger> read;
    try {
      store = storeOption.existing();
      if (!Files.isDirectory(ledgers)) {
        throw new IllegalArgumentException("--ledgers: no folder " + ledgers);
      }
      read = ShardVerification.ledgers(ledgers);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    ShardVerification.Outcome outcome;
    try (TwinStore twins = TwinStores.open(store)) {
      outcome = ShardVerification.verify(read, twins);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    ShardVerdict verdict = new ShardVerdict(outcome, RunInfo.here(
        spec.root().commandLine().getParseResult().originalArgs()));
    PrintWriter out = spec.commandLine().getOut();
    verdict.print(out);
    if (json != null) {
      verdict.writeJson(json);
      out.println("json: " + json);
    }
    if (report != null) {
      verdict.writeHtml(report);
      out.println("report: " + report);
    }
    out.flush();
    return outcome.clean() ? ExitCodes.OK : ExitCodes.VIOLATION;
  }
}
