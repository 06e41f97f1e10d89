package io.spime.sim.options;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --vehicles} and {@code --duration}: how many cars and how long they drive. A command that
 * mixes them in gives both their defaults ({@link CommandOptions#defaultValue}).
 */
public final class FleetOptions {
  @Option(names = "--vehicles", paramLabel = "N",
      description = "Cars in the fleet, each a real agent with its own outbox (default ${DEFAULT-VALUE}).")
  private int vehicles;

  @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
      description = "How long the cars drive, like 30s, 10m, 2h (default ${DEFAULT-VALUE}).")
  private Duration duration;

  public int vehicles() {
    return vehicles;
  }

  public Duration duration() {
    return duration;
  }
}
