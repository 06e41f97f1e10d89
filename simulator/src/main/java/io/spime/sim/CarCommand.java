package io.spime.sim;

import io.spime.sim.internal.keys.DownlinkPin;
import io.spime.sim.internal.process.CarProcess;
import io.spime.sim.options.BrokerOption;
import io.spime.sim.options.CommandOptions;
import io.spime.sim.options.DownlinkKeyOption;
import io.spime.sim.options.ScenarioOption;
import io.spime.sim.options.SeedOption;
import io.spime.wire.AssetId;
import io.spime.wire.signing.KeyId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spime-sim car}, not listed in the help: one out-of-process car of a {@code run}, started by
 * the fleet in a child JVM so that a fault can kill it with SIGKILL. Speaks a line protocol on its
 * standard input and output (see {@link CarProcess}). Exits {@link ExitCodes#OK} when told to close,
 * {@link ExitCodes#CAR_ORPHANED} when its standard input ends first, and halts with {@link
 * ExitCodes#CAR_BROKEN} when the car cannot go on.
 */
@Command(name = "car", hidden = true, modelTransformer = CarCommand.Options.class,
    description = "One car of a run in its own process (started by 'run'; not for direct use).")
final class CarCommand implements Callable<Integer> {
  /** The fleet passes every option; a car never makes one up. */
  static final class Options extends CommandOptions {
    Options() {
      required("--seed");
      required("--broker");
      required("--scenario");
    }
  }

  @Option(names = "--vin", required = true)
  String vin;

  @Option(names = "--index", required = true)
  int index;

  @Mixin SeedOption seed;
  @Mixin BrokerOption broker;

  @Option(names = "--agent-dir", required = true)
  Path agentDir;

  @Option(names = "--ledger", required = true)
  Path ledger;

  @Mixin ScenarioOption scenario;

  @Option(names = "--drive-millis", required = true)
  long driveMillis;

  @Option(names = "--restarts", defaultValue = "0")
  int restarts;

  @Mixin DownlinkKeyOption downlinkKey;

  @Option(names = "--downlink-key-id")
  String downlinkKeyId;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return ChildCommand.run(spec.commandLine(), broker, (security, in, out) -> {
      CarProcess.Ending ending = CarProcess.run(new CarProcess.Args(AssetId.parse(vin), index,
          seed.seed(), broker.url().orElseThrow(), agentDir, ledger, Path.of(scenario.nameOrFile()),
          Duration.ofMillis(driveMillis), restarts, security, pin()), in, out,
          () -> Runtime.getRuntime().halt(ExitCodes.CAR_BROKEN));
      return ending == CarProcess.Ending.CLOSED ? ExitCodes.OK : ExitCodes.CAR_ORPHANED;
    });
  }

  private Optional<DownlinkPin> pin() {
    return downlinkKey.file().map(file -> new DownlinkPin(KeyId.of(
        Objects.requireNonNull(downlinkKeyId, "--downlink-key needs --downlink-key-id")), file));
  }
}
