package io.spime.sim.internal.process;

import java.util.List;

/**
 * The command line of an out-of-process car: this JVM's {@code java}, its class path, a small heap
 * and quick start-up flags, and the hidden {@code spime-sim car} command.
 */
final class ChildLauncher {
  /**
   * A small heap that grows on demand (64 MB leaves room for long outages), one GC thread, the C1
   * compiler only with a small code cache: about 0.75 s from spawn to the first sample and 66 MB
   * resident, against 1.7 s and 97 MB with the defaults (see docs/simulator.md). Logs go to the
   * CLI's logback.xml (standard error, WARN), so standard output carries only the car's protocol.
   */
  static final List<String> JVM_OPTIONS = List.of(
      "-Xms8m", "-Xmx64m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-XX:CICompilerCount=1", "-XX:ReservedCodeCacheSize=16m", "-XX:-UsePerfData",
      "-Dlogback.configurationFile=logback.xml");

  /** The variable that hands the MQTT password to a child car: its environment, not its command line. */
  static final String PASSWORD_ENV = "SPIME_CAR_MQTT_PASSWORD";

  private ChildLauncher() {}

  static List<String> command(CarProcess.Args args) {
    List<String> command = ChildJvm.command(JVM_OPTIONS, "car");
    command.add("--vin=" + args.vin().value());
    command.add("--index=" + args.index());
    command.add("--seed=" + args.seed());
    command.add("--broker=" + args.brokerUrl());
    command.add("--agent-dir=" + args.agentDir().toAbsolutePath());
    command.add("--ledger=" + args.ledgerFile().toAbsolutePath());
    command.add("--scenario=" + args.scenarioFile().toAbsolutePath());
    command.add("--drive-millis=" + args.drive().toMillis());
    command.add("--restarts=" + args.restarts());
    ChildJvm.addSecurity(command, args.security(), PASSWORD_ENV);
    args.pin().ifPresent(pin -> {
      command.add("--downlink-key=" + pin.publicKey().toAbsolutePath());
      command.add("--downlink-key-id=" + pin.keyId());
    });
    return command;
  }
}
