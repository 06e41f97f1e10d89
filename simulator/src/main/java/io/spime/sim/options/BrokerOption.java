package io.spime.sim.options;

import io.spime.mqtt.InvalidSecurityException;
import io.spime.mqtt.MqttSecrets;
import io.spime.mqtt.MqttSecurity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --broker} and how to connect to it: {@code --tls-ca}, {@code --tls-cert}/{@code --tls-key}
 * (mutual TLS), {@code --username} and the password from {@code --password-file} or the environment
 * variable named by {@code --password-env} (never on the command line itself).
 */
public final class BrokerOption {
  @Option(names = "--broker", paramLabel = "URL",
      description = "The MQTT 5 broker, like tcp://127.0.0.1:1883 or ssl://broker.example.org:8883.")
  private String url;

  @Option(names = "--tls-ca", paramLabel = "FILE",
      description = "PEM file of the CA that signed the broker's certificate (ssl:// only; default: the JVM's trust store).")
  private Path tlsCa;

  @Option(names = "--tls-cert", paramLabel = "FILE",
      description = "PEM client certificate for mutual TLS (with --tls-key).")
  private Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "FILE",
      description = "PEM PKCS#8 private key of --tls-cert.")
  private Path tlsKey;

  @Option(names = "--username", paramLabel = "NAME", description = "MQTT user name.")
  private String username;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "File holding the MQTT password (readable by its owner only).")
  private Path passwordFile;

  @Option(names = "--password-env", paramLabel = "VARIABLE",
      description = "Environment variable holding the MQTT password.")
  private String passwordEnv;

  /** The URL as given, checked by the command; empty when it was left out. */
  public Optional<String> url() {
    return Optional.ofNullable(url);
  }

  /**
   * The TLS files and credentials given.
   *
   * @throws InvalidSecurityException if they are incomplete or a password cannot be read
   */
  public MqttSecurity security() {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new InvalidSecurityException("--tls-cert and --tls-key go together (mutual TLS)");
    }
    if (passwordFile != null && passwordEnv != null) {
      throw new InvalidSecurityException("give --password-file or --password-env, not both");
    }
    MqttSecurity.Builder security = MqttSecurity.builder();
    if (tlsCa != null) {
      security.trust(tlsCa);
    }
    if (tlsCert != null) {
      security.clientCertificate(tlsCert, tlsKey);
    }
    if (username != null) {
      security.username(username);
    }
    if (passwordFile != null) {
      security.password(MqttSecrets.passwordFromFile(passwordFile));
    }
    if (passwordEnv != null) {
      security.password(MqttSecrets.passwordFromEnvironment(passwordEnv));
    }
    return security.build();
  }

  /** The security options as given, to pass on to a child process's command line. */
  public List<String> securityArguments() {
    List<String> args = new ArrayList<>();
    addIf(args, "--tls-ca", tlsCa);
    addIf(args, "--tls-cert", tlsCert);
    addIf(args, "--tls-key", tlsKey);
    addIf(args, "--username", username);
    addIf(args, "--password-file", passwordFile);
    addIf(args, "--password-env", passwordEnv);
    return args;
  }

  private static void addIf(List<String> args, String name, Object value) {
    if (value != null) {
      args.add(name + "=" + value);
    }
  }
}
