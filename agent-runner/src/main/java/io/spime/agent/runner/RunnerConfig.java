package io.spime.agent.runner;

import io.spime.agent.EdgeAgentBuilder;
import io.spime.mqtt.InvalidSecurityException;
import io.spime.mqtt.MqttSecrets;
import io.spime.mqtt.MqttSecurity;
import io.spime.wire.DataCategory;
import io.spime.wire.signing.KeyFileException;
import io.spime.wire.signing.KeyId;
import io.spime.wire.state.ConsentSet;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/** The runner's {@code --config} file: Java properties with the keys documented in docs/edge-agent.md. */
final class RunnerConfig {
  static final Set<String> KEYS = Set.of("batch.window.ms", "batch.max.samples", "outbox.max.bytes",
      "consent", "reconnect.initial.ms", "reconnect.cap.ms", "keepalive.s", "ack.timeout.ms",
      "max.inflight", "username", "password.file", "password.env", "tls.ca", "tls.cert", "tls.key");

  /** {@code downlink.key.<keyId> = FILE}: a public key of the cloud to pin (PEM), one per key id. */
  static final String DOWNLINK_KEY_PREFIX = "downlink.key.";

  private final Properties properties;
  private final Path file;

  private RunnerConfig(Properties properties, Path file) {
    this.properties = properties;
    this.file = file;
  }

  /** @throws IllegalArgumentException naming an unknown key or the file that cannot be read */
  static RunnerConfig read(Path file) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    for (String key : properties.stringPropertyNames()) {
      if (key.equals("password")) {
        throw new InvalidSecurityException("config file " + file + ": a password is not kept in the config "
            + "file; put it in a file readable by the agent only (password.file) or in an environment "
            + "variable (password.env)");
      }
      if (!KEYS.contains(key) && !key.startsWith(DOWNLINK_KEY_PREFIX)) {
        throw new IllegalArgumentException("config file " + file + ": unknown key '" + key
            + "'; known keys: " + new java.util.TreeSet<>(KEYS) + " and " + DOWNLINK_KEY_PREFIX + "<keyId>");
      }
    }
    return new RunnerConfig(properties, file);
  }

  static RunnerConfig empty() {
    return new RunnerConfig(new Properties(), Path.of("(none)"));
  }

  /** Applies every key that is set to the builder. */
  void applyTo(EdgeAgentBuilder builder) {
    number("batch.window.ms").ifPresent(v -> builder.batchWindow(Duration.ofMillis(v)));
    number("batch.max.samples").ifPresent(v -> builder.maxBatchSamples(Math.toIntExact(v)));
    number("outbox.max.bytes").ifPresent(builder::outboxMaxBytes);
    number("ack.timeout.ms").ifPresent(v -> builder.ackTimeout(Duration.ofMillis(v)));
    number("max.inflight").ifPresent(v -> builder.maxInFlight(Math.toIntExact(v)));
    number("keepalive.s").ifPresent(v -> builder.keepAlive(Duration.ofSeconds(v)));
    Optional<Long> initial = number("reconnect.initial.ms");
    Optional<Long> cap = number("reconnect.cap.ms");
    if (initial.isPresent() || cap.isPresent()) {
      builder.reconnectBackoff(Duration.ofMillis(initial.orElse(500L)), Duration.ofMillis(cap.orElse(60_000L)));
    }
    text("consent").ifPresent(v -> builder.consent(consent(v)));
    pinDownlinkKeys(builder);
    builder.security(security());
  }

  /**
   * TLS files, user name and password.
   *
   * @throws InvalidSecurityException if they are incomplete or unreadable (the message names the key or file)
   */
  MqttSecurity security() {
    MqttSecurity.Builder security = MqttSecurity.builder();
    text("tls.ca").map(Path::of).ifPresent(security::trust);
    Optional<String> cert = text("tls.cert");
    Optional<String> key = text("tls.key");
    if (cert.isPresent() != key.isPresent()) {
      throw new InvalidSecurityException("config file " + file + ": tls.cert and tls.key go together (mutual TLS)");
    }
    if (cert.isPresent()) {
      security.clientCertificate(Path.of(cert.get()), Path.of(key.get()));
    }
    text("username").ifPresent(security::username);
    Optional<String> passwordFile = text("password.file");
    Optional<String> passwordEnv = text("password.env");
    if (passwordFile.isPresent() && passwordEnv.isPresent()) {
      throw new InvalidSecurityException("config file " + file + ": set password.file or password.env, not both");
    }
    passwordFile.ifPresent(f -> security.password(MqttSecrets.passwordFromFile(Path.of(f))));
    passwordEnv.ifPresent(v -> security.password(MqttSecrets.passwordFromEnvironment(v)));
    return security.build();
  }

  /** Pins every {@code downlink.key.<keyId>} public key file; a bad key id or file names the key. */
  private void pinDownlinkKeys(EdgeAgentBuilder builder) {
    for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
      if (!key.startsWith(DOWNLINK_KEY_PREFIX)) {
        continue;
      }
      String id = key.substring(DOWNLINK_KEY_PREFIX.length());
      Path pem = Path.of(text(key).orElseThrow(() -> new IllegalArgumentException(
          "config file " + file + ": " + key + " needs the path of a PEM public key")));
      try {
        builder.downlinkKeyFile(KeyId.of(id), pem);
      } catch (IllegalArgumentException | KeyFileException e) {
        throw new IllegalArgumentException("config file " + file + ": " + key + ": " + e.getMessage(), e);
      }
    }
  }

  private ConsentSet consent(String value) {
    if (value.equalsIgnoreCase("all")) {
      return ConsentSet.all();
    }
    if (value.equalsIgnoreCase("none")) {
      return new ConsentSet(Set.of());
    }
    Set<DataCategory> granted = EnumSet.noneOf(DataCategory.class);
    for (String part : value.split(",")) {
      try {
        granted.add(DataCategory.valueOf(part.strip().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("config file " + file + ": consent '" + part.strip()
            + "' is not one of all, none, " + java.util.Arrays.toString(DataCategory.values()));
      }
    }
    return new ConsentSet(granted);
  }

  private Optional<String> text(String key) {
    return Optional.ofNullable(properties.getProperty(key)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private Optional<Long> number(String key) {
    return text(key).map(v -> {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("config file " + file + ": " + key + " = '" + v + "' is not a whole number");
      }
    });
  }
}
