package io.spime.sim;

import io.spime.mqtt.InvalidSecurityException;
import io.spime.mqtt.MqttSecurity;
import io.spime.sim.options.BrokerOption;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** What the hidden commands a run starts in child JVMs ({@code car}, {@code ingest}) share. */
final class ChildCommand {
  /** A child's work: given its broker security and its line protocol's streams, its exit code. */
  interface Work {
    int run(MqttSecurity security, BufferedReader in, PrintStream out);
  }

  private ChildCommand() {}

  /** Runs {@code work} on standard input and output, or exits 7 when the security options cannot be used. */
  static int run(CommandLine line, BrokerOption broker, Work work) {
    MqttSecurity security;
    try {
      security = broker.security();
    } catch (InvalidSecurityException e) {
      return BrokerErrors.misconfigured(line, e);
    }
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    return work.run(security, in, out);
  }
}
