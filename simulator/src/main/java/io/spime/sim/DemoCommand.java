package io.spime.sim;

import io.spime.mqtt.MqttSecurity;
import io.spime.sim.internal.scenario.RunConfig;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.sim.options.BrokerAuthOption;
import io.spime.sim.options.CommandOptions;
import io.spime.sim.options.DataDirOption;
import io.spime.sim.options.FleetOptions;
import io.spime.sim.options.MqttClientOption;
import io.spime.sim.options.OutputOptions;
import io.spime.sim.options.ReportOption;
import io.spime.sim.options.SeedOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** {@code spime-sim demo}: a short {@code run} of the commute scenario, everything in-process. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    modelTransformer = DemoCommand.Options.class,
    description = {
      "Starts an embedded MQTT broker, a cloud ingest with an SQLite twin store and a fleet of",
      "virtual cars on the commute scenario, then compares what each car's agent accepted with",
      "its twin. Exits 0 when nothing was lost, 1 when anything was."
    })
final class DemoCommand implements Callable<Integer> {
  /** The demo's fleet: 10 cars for 30 s. */
  static final class Options extends CommandOptions {
    Options() {
      defaultValue("--vehicles", "10");
      defaultValue("--duration", "30s");
      note("--data-dir", "Default: a new temporary folder.");
    }
  }

  @Mixin FleetOptions fleet;
  @Mixin SeedOption seed;
  @Mixin DataDirOption dataDir;
  @Mixin ReportOption report;
  @Mixin BrokerAuthOption brokerAuth;
  @Mixin OutputOptions output;
  @Mixin MqttClientOption mqttClient;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return FleetRunner.run(spec.commandLine(), output, () -> new RunConfig(
        ScenarioSpec.resolve("commute"), fleet.vehicles(), fleet.duration(), seed.seed(),
        dataDir.dir(), Optional.empty(), Optional.empty(), report.file(),
        io.spime.mqtt.MqttSecurity.none(), brokerAuth.enforced(), Optional.empty(), mqttClient.client()));
  }
}
