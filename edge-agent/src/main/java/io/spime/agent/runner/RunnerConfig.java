package io.spime.agent.runner;

import io.spime.agent.AgentTls;
import io.spime.agent.EdgeAgent;
import io.spime.wire.ConsentSet;
import io.spime.wire.DataCategory;
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
      "max.inflight", "username", "password", "tls.ca", "tls.cert", "tls.key");

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
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("config file " + file + ": unknown key '" + key
            + "'; known keys: " + new java.util.TreeSet<>(KEYS));
      }
    }
    return new RunnerConfig(properties, file);
  }

  static RunnerConfig empty() {
    return new RunnerConfig(new Properties(), Path.of("(none)"));
  }

  /** Applies every key that is set to the builder. */
  void applyTo(EdgeAgent.Builder builder) {
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
    Optional<String> user = text("username");
    if (user.isPresent()) {
      builder.credentials(user.get(), text("password").orElse("").toCharArray());
    }
    Optional<String> ca = text("tls.ca");
    if (ca.isPresent()) {
      builder.tls(AgentTls.fromPem(Path.of(ca.get()), text("tls.cert").map(Path::of), text("tls.key").map(Path::of)));
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
