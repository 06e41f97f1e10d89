package io.spime.sim;

import io.spime.sim.options.CommandOptions;
import io.spime.sim.options.StoreOption;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.custody.Viewer;
import io.spime.twin.exceptions.UnknownVehicleException;
import io.spime.wire.AssetId;
import io.spime.wire.WireException;
import io.spime.wire.files.OwnerOnlyFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code spime-sim export VIN --store FILE|URL [--out FILE]}: a car's whole-life spime record. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    modelTransformer = ExportCommand.Options.class,
    description = "Writes one car's spime record, its whole life as one JSON document, from a"
        + " twin store (an SQLite file or a jdbc:postgresql URL), as a technical viewer sees it (no personal data).")
final class ExportCommand implements Callable<Integer> {
  /** There is no record to export without a store. */
  static final class Options extends CommandOptions {
    Options() {
      required("--store");
    }
  }

  @Parameters(index = "0", paramLabel = "VIN", description = "The car's VIN.")
  String vin;

  @Mixin StoreOption storeOption;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the record to this file (owner-only) instead of standard output.")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    AssetId car;
    try {
      car = AssetId.parseLenient(vin);
    } catch (WireException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    String location;
    try {
      location = storeOption.existing();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    String store = TwinStores.redact(location);
    String record;
    try (TwinStore twins = TwinStores.open(location)) {
      record = twins.export(car, Viewer.technical());
    } catch (UnknownVehicleException e) {
      spec.commandLine().getErr().println("spime-sim: no vehicle " + car + " in " + store);
      return ExitCodes.NO_SUCH_TWIN;
    }
    if (out == null) {
      spec.commandLine().getOut().println(record);
      spec.commandLine().getOut().flush();
    } else {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        OwnerOnlyFiles.createDirectories(parent);
      }
      OwnerOnlyFiles.writeString(out, record + "\n");
      spec.commandLine().getErr().println("spime-sim: the spime record of " + car + " is in " + out);
    }
    return ExitCodes.OK;
  }
}
