package io.spime.sim.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of an out-of-process car: this JVM's {@code java}, its class path, a small heap
 * and quick start-up flags, and the hidden {@code spime-sim car} command.
 */
final class ChildLauncher {
  /** What one child needs: the agent's heap stays under 20 MB for a car; 64 MB leaves room. */
  static final List<String> JVM_OPTIONS = List.of(
      "-Xmx64m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-XX:-UsePerfData", "-Dlogback.configurationFile=logback.xml");

  private ChildLauncher() {}

  static List<String> command(CarProcess.Args args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(JVM_OPTIONS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.spime.sim.SpimeSim");
    command.add("car");
    command.add("--vin=" + args.vin().value());
    command.add("--index=" + args.index());
    command.add("--seed=" + args.seed());
    command.add("--broker=" + args.brokerUrl());
    command.add("--agent-dir=" + args.agentDir().toAbsolutePath());
    command.add("--ledger=" + args.ledgerFile().toAbsolutePath());
    command.add("--scenario=" + args.scenarioFile().toAbsolutePath());
    command.add("--restarts=" + args.restarts());
    return command;
  }
}
