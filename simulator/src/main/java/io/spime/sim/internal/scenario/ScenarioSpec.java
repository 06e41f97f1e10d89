package io.spime.sim.internal.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What the cars of a run do, which faults hit them and what the back office does meanwhile. Built in:
 * {@code commute} (trips and parked spells, charging while parked), {@code outages} (commute plus
 * tunnels per car, broker restarts and agents killed with SIGKILL), {@code rental-fleet} (a mixed
 * fleet of cars, bikes, scooters, boats and trailers; customers rent them in turn, their profiles
 * follow them), {@code lifetime} (each car's whole life,
 * accelerated, from production to recycling) and {@code renewal} (a leased fleet over three years,
 * accelerated, bad experiences seeded into known cars, whose customers must rank first for renewal). A file ({@code .properties}) starts from a built-in
 * ({@code base=}) and overrides its values.
 *
 * <p>To add a value: a component here (or in {@link ScenarioFaults} for a fault), its key in
 * {@link #KEYS}, one line in {@link #fromFile} and one in {@link #toProperties}, so the file form
 * and the child processes of out-of-process cars see it too.
 *
 * @param name the scenario's name
 * @param trip shortest and longest trip
 * @param parked shortest and longest parked spell
 * @param batchWindow how long each agent gathers samples before it seals a batch
 * @param faults the faults injected during the run
 * @param office what the back office does during the run (inherited from a file's base)
 */
public record ScenarioSpec(
    String name, Range trip, Range parked, Duration batchWindow, ScenarioFaults faults, Office office) {

  /** What the back office does during the run besides ingesting (see {@code BackOffice}). */
  public enum Office {
    /** The cars only drive; they are registered in the twin first ({@code RegisteringOffice}). */
    NONE,
    /** Customers rent the cars in turn and their profiles follow them ({@code RentalDesk}). */
    RENTAL_FLEET,
    /** Each car lives a whole life, accelerated ({@code LifetimeOffice}). */
    LIFETIME,
    /**
     * A leased fleet lives three years, accelerated, some customers badly served; their renewals
     * must rank first ({@code RenewalOffice}).
     */
    RENEWAL
  }

  /** A scenario whose back office does nothing. */
  public ScenarioSpec(String name, Range trip, Range parked, Duration batchWindow, ScenarioFaults faults) {
    this(name, trip, parked, batchWindow, faults, Office.NONE);
  }

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

  private static final ScenarioSpec COMMUTE = new ScenarioSpec("commute", Range.seconds(30, 120),
      Range.seconds(10, 40), Duration.ofSeconds(1), ScenarioFaults.NONE);

  public static final Map<String, ScenarioSpec> BUILT_IN = Map.of(
      "commute", COMMUTE,
      "rental-fleet", new ScenarioSpec("rental-fleet", Range.seconds(15, 40), Range.seconds(5, 15),
          COMMUTE.batchWindow(), ScenarioFaults.NONE, Office.RENTAL_FLEET),
      "lifetime", new ScenarioSpec("lifetime", COMMUTE.trip(), COMMUTE.parked(), COMMUTE.batchWindow(),
          ScenarioFaults.NONE, Office.LIFETIME),
      "renewal", new ScenarioSpec("renewal", COMMUTE.trip(), COMMUTE.parked(), COMMUTE.batchWindow(),
          ScenarioFaults.NONE, Office.RENEWAL),
      "outages", new ScenarioSpec("outages", COMMUTE.trip(), COMMUTE.parked(),
          COMMUTE.batchWindow(),
          new ScenarioFaults(60, Range.seconds(3, 15), 1, 3, 60, Range.seconds(1, 5))));

  static final Set<String> KEYS = keys();

  public ScenarioSpec {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a scenario's name must not be blank");
    }
    if (batchWindow.compareTo(Duration.ofMillis(10)) < 0) {
      throw new IllegalArgumentException("batchWindow must be at least 10ms, was " + batchWindow);
    }
    if (trip.min().isZero()) {
      throw new IllegalArgumentException("trip must last at least 1s");
    }
    java.util.Objects.requireNonNull(faults, "faults");
    java.util.Objects.requireNonNull(office, "office");
  }

  /** Whether the run cuts links, restarts the broker or kills agents. */
  public boolean injectsFaults() {
    return faults.any();
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
          "unknown scenario '" + nameOrFile + "': use one of "
              + String.join(", ", BUILT_IN.keySet().stream().sorted().toList())
              + ", or the path of a .properties scenario file");
    }
    return fromFile(file);
  }

  /** Every value as a scenario file holds it; read back by {@link #resolve} it gives this scenario. */
  public Properties toProperties() {
    Properties props = new Properties();
    props.setProperty("name", name);
    if (office == Office.RENTAL_FLEET) {
      props.setProperty("base", "rental-fleet");
    } else if (office == Office.LIFETIME) {
      props.setProperty("base", "lifetime");
    } else if (office == Office.RENEWAL) {
      props.setProperty("base", "renewal");
    }
    props.setProperty("trip", ScenarioFile.format(trip));
    props.setProperty("parked", ScenarioFile.format(parked));
    props.setProperty("batchWindow", ScenarioFile.format(batchWindow));
    faults.writeTo(props);
    return props;
  }

  private static ScenarioSpec fromFile(Path path) {
    ScenarioFile file = ScenarioFile.read(path, KEYS);
    String baseName = file.text("base", "commute");
    ScenarioSpec base = BUILT_IN.get(baseName.toLowerCase(Locale.ROOT));
    if (base == null) {
      throw new IllegalArgumentException("scenario file " + path + ": base must be one of "
          + String.join(", ", BUILT_IN.keySet().stream().sorted().toList()) + ", was '"
          + baseName + "'");
    }
    try {
      return new ScenarioSpec(
          file.text("name", path.getFileName().toString()),
          file.range("trip", base.trip()),
          file.range("parked", base.parked()),
          file.duration("batchWindow", base.batchWindow()),
          ScenarioFaults.from(file, base.faults()),
          base.office());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("scenario file " + path + ": " + e.getMessage(), e);
    }
  }

  private static Set<String> keys() {
    Set<String> keys = new HashSet<>(Set.of("base", "name", "trip", "parked", "batchWindow"));
    keys.addAll(ScenarioFaults.KEYS);
    return Set.copyOf(keys);
  }
}
