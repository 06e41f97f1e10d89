package io.spime.sim.internal.process;

import io.spime.mqtt.MqttSecurity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line every child JVM of a run starts with, and the broker security it passes on. */
public final class ChildJvm {
  private ChildJvm() {}

  /** This JVM's {@code java}, {@code jvmOptions}, its class path, and {@code spime-sim <command>}. */
  public static List<String> command(List<String> jvmOptions, String command) {
    List<String> line = new ArrayList<>();
    line.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    line.addAll(jvmOptions);
    line.add("-cp");
    line.add(System.getProperty("java.class.path"));
    line.add("io.spime.sim.SpimeSim");
    line.add(command);
    return line;
  }

  /**
   * Adds the broker security options of {@code security}; the password never goes on the command
   * line, only the name of the environment variable {@code passwordEnv} the child finds it in.
   */
  public static void addSecurity(List<String> line, MqttSecurity security, String passwordEnv) {
    security.trustPem().ifPresent(ca -> line.add("--tls-ca=" + ca.toAbsolutePath()));
    security.clientCertificatePem().ifPresent(cert -> line.add("--tls-cert=" + cert.toAbsolutePath()));
    security.clientKeyPem().ifPresent(key -> line.add("--tls-key=" + key.toAbsolutePath()));
    security.username().ifPresent(name -> line.add("--username=" + name));
    security.password().ifPresent(password -> line.add("--password-env=" + passwordEnv));
  }
}
