package io.spime.sim.internal.ingest;

import io.spime.mqtt.MqttSecurity;
import io.spime.sim.internal.keys.RunKeys;
import io.spime.sim.internal.process.ChildJvm;
import java.nio.file.Path;
import java.util.List;

/** The command line of an ingest process: this JVM's {@code java} and class path, and the hidden {@code spime-sim ingest}. */
final class IngestLauncher {
  /**
   * The ingest holds up to about 135 MiB by its own bounds (cloud-sync.md); one GC thread, since the
   * run's cars, broker and other ingests share the cores. Logs go to the CLI's logback.xml (standard
   * error, WARN), so standard output carries only the ingest's protocol.
   */
  static final List<String> JVM_OPTIONS = List.of(
      "-Xms32m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:-UsePerfData",
      "-Dlogback.configurationFile=logback.xml");

  /** The variable that hands the MQTT password to an ingest process: its environment, not its command line. */
  static final String PASSWORD_ENV = "SPIME_INGEST_MQTT_PASSWORD";

  private IngestLauncher() {}

  static List<String> command(String brokerUrl, String store, String shareGroup, String member,
      MqttSecurity security, RunKeys keys, int loseEvery) {
    List<String> command = ChildJvm.command(JVM_OPTIONS, "ingest");
    command.add("--broker=" + brokerUrl);
    command.add("--store=" + (store.startsWith("jdbc:") ? store : Path.of(store).toAbsolutePath()));
    command.add("--share-group=" + shareGroup);
    command.add("--member=" + member);
    ChildJvm.addSecurity(command, security, PASSWORD_ENV);
    command.add("--signing-key=" + keys.privateKey().toAbsolutePath());
    command.add("--signing-key-id=" + keys.keyId().value());
    if (loseEvery > 0) {
      command.add("--lose-every=" + loseEvery);
    }
    return command;
  }
}
