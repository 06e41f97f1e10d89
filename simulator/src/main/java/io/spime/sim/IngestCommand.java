package io.spime.sim;

import io.spime.sim.internal.ingest.IngestProcess;
import io.spime.sim.options.BrokerOption;
import io.spime.sim.options.CommandOptions;
import io.spime.sim.options.SigningKeyOptions;
import io.spime.sim.options.StoreOption;
import io.spime.wire.signing.DownlinkSigner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spime-sim ingest}, not listed in the help: one ingest process of a {@code run --ingests N},
 * started by the run in a child JVM so that a fault can kill it with SIGKILL. Speaks a line protocol
 * on its standard input and output ({@link IngestProcess}). Exits {@link ExitCodes#OK} when told to
 * close and {@link ExitCodes#CAR_ORPHANED} when its standard input ends first (the run is gone).
 */
@Command(name = "ingest", hidden = true, modelTransformer = IngestCommand.Options.class,
    description = "One ingest process of a run (started by 'run --ingests'; not for direct use).")
final class IngestCommand implements Callable<Integer> {
  /** The run passes every option. */
  static final class Options extends CommandOptions {
    Options() {
      required("--broker");
      required("--store");
    }
  }

  @Mixin BrokerOption broker;
  @Mixin StoreOption store;
  @Mixin SigningKeyOptions signingKey;

  @Option(names = "--share-group", required = true)
  String shareGroup;

  @Option(names = "--member", required = true)
  String member;

  @Option(names = "--lose-every", defaultValue = "0")
  int loseEvery;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return ChildCommand.run(spec.commandLine(), broker, (security, in, out) -> {
      boolean closed = IngestProcess.run(new IngestProcess.Args(broker.url().orElseThrow(),
          store.location().orElseThrow(), shareGroup, member, security,
          signingKey.key().map(k -> DownlinkSigner.fromPemFile(k.keyId(), k.file())), loseEvery), in, out);
      return closed ? ExitCodes.OK : ExitCodes.CAR_ORPHANED; // the same code: its run is gone
    });
  }
}
