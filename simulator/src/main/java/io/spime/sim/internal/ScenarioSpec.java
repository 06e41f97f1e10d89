package io.spime.sim.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What the cars of a run do and which faults hit them. Built in: {@code commute} (trips and parked
 * spells, charging while parked) and {@code outages} (commute plus tunnels per car and broker
 * restarts). A file ({@code .properties}) starts from a built-in ({@code base=}) and overrides its
 * values.
 *
 * @param name the scenario's name
 * @param trip shortest and longest trip
 * @param parked shortest and longest parked spell
 * @param tunnelsPerCarPerHour how often, on average, a car loses its link
 * @param tunnel shortest and longest link loss
 * @param brokerRestarts how many times the (embedded) broker restarts during the run
 * @param batchWindow how long each agent gathers samples before it seals a batch
 */
public record ScenarioSpec(
    String name,
    Range trip,
    Range parked,
    double tunnelsPerCarPerHour,
    Range tunnel,
    int brokerRestarts,
    Duration batchWindow) {

  /** A closed range of durations. */
  public record Range(Duration min, Duration max) {
    public Range {
      if (min.isNegative() || max.compareTo(min) < 0) {
        throw new IllegalArgumentException("range " + min + ".." + max + " is empty or negative");
      }
    }

    static Range seconds(long min, long max) {
      return new Range(Duration.ofSeconds(min), Duration.ofSeconds(max));
    }
  }

  public static final Map<String, ScenarioSpec> BUILT_IN = Map.of(
      "commute",
      new ScenarioSpec("commute", Range.seconds(30, 120), Range.seconds(10, 40), 0,
          Range.seconds(0, 0), 0, Duration.ofSeconds(1)),
      "outages",
      new ScenarioSpec("outages", Range.seconds(30, 120), Range.seconds(10, 40), 60,
          Range.seconds(3, 15), 1, Duration.ofSeconds(1)));

  private static final Set<String> KEYS =
      Set.of("base", "name", "trip", "parked", "tunnelsPerCarPerHour", "tunnel", "brokerRestarts",
          "batchWindow");

  public ScenarioSpec {
    if (!(tunnelsPerCarPerHour >= 0)) {
      throw new IllegalArgumentException(
          "tunnelsPerCarPerHour must be 0 or more, was " + tunnelsPerCarPerHour);
    }
    if (brokerRestarts < 0) {
      throw new IllegalArgumentException("brokerRestarts must be 0 or more, was " + brokerRestarts);
    }
    if (batchWindow.compareTo(Duration.ofMillis(10)) < 0) {
      throw new IllegalArgumentException("batchWindow must be at least 10ms, was " + batchWindow);
    }
    if (trip.min().isZero()) {
      throw new IllegalArgumentException("trip must last at least 1s");
    }
  }

  /** Whether the run cuts links or restarts the broker. */
  public boolean injectsFaults() {
    return tunnelsPerCarPerHour > 0 || brokerRestarts > 0;
  }

  /**
   * A built-in scenario by name, or a scenario file by path.
   *
   * @throws IllegalArgumentException naming the unknown scenario, or what is wrong in the file
   */
  public static ScenarioSpec resolve(String nameOrFile) {
    ScenarioSpec builtIn = BUILT_IN.get(nameOrFile.toLowerCase(Locale.ROOT));
    if (builtIn != null) {
      return builtIn;
    }
    Path file = Path.of(nameOrFile);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "unknown scenario '" + nameOrFile + "': use one of " + String.join(", ", BUILT_IN.keySet().stream().sorted().toList())
              + ", or the path of a .properties scenario file");
    }
    return fromFile(file);
  }

  private static ScenarioSpec fromFile(Path file) {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scenario file " + file, e);
    }
    for (String key : props.stringPropertyNames()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "scenario file " + file + ": unknown key '" + key + "' (known: " + KEYS + ")");
      }
    }
    ScenarioSpec base = BUILT_IN.get(props.getProperty("base", "commute"));
    if (base == null) {
      throw new IllegalArgumentException(
          "scenario file " + file + ": base must be one of " + BUILT_IN.keySet());
    }
    try {
      return new ScenarioSpec(
          props.getProperty("name", file.getFileName().toString()),
          range(props, "trip", base.trip()),
          range(props, "parked", base.parked()),
          Double.parseDouble(props.getProperty("tunnelsPerCarPerHour",
              Double.toString(base.tunnelsPerCarPerHour()))),
          range(props, "tunnel", base.tunnel()),
          Integer.parseInt(props.getProperty("brokerRestarts",
              Integer.toString(base.brokerRestarts()))),
          props.containsKey("batchWindow")
              ? Durations.parse(props.getProperty("batchWindow"))
              : base.batchWindow());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("scenario file " + file + ": " + e.getMessage(), e);
    }
  }

  private static Range range(Properties props, String key, Range fallback) {
    String text = props.getProperty(key);
    if (text == null) {
      return fallback;
    }
    String[] ends = text.split("\\.\\.", -1);
    if (ends.length != 2) {
      throw new IllegalArgumentException(key + " must be MIN..MAX like 30s..2m, was '" + text + "'");
    }
    return new Range(Durations.parse(ends[0]), Durations.parse(ends[1]));
  }
}
