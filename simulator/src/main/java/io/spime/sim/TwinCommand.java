package io.spime.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.spime.twin.SignalReading;
import io.spime.twin.Twin;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.SignalCatalog;
import io.spime.wire.SignalValue;
import io.spime.wire.Vin;
import io.spime.wire.WireException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spime-sim twin VIN --store FILE [--as-of T]}: prints one twin from a store. */
@Command(
    name = "twin",
    mixinStandardHelpOptions = true,
    description = "Prints one car's twin from an SQLite twin store: now, or as it was at --as-of.")
final class TwinCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "The car's VIN.")
  String vin;

  @Option(names = "--store", required = true, description = "The SQLite twin store file.")
  Path store;

  @Option(names = "--as-of", description = "An instant such as 2026-11-23T10:15:30Z (default: now).")
  String asOf;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Vin car = parseVin();
    Optional<Instant> instant = parseInstant();
    if (!Files.isRegularFile(store)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--store: no twin store at " + store);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (TwinStore twins = TwinStores.sqlite(store)) {
      Optional<Twin> twin = instant.isPresent() ? twins.asOf(car, instant.get()) : twins.twin(car);
      if (twin.isEmpty()) {
        spec.commandLine().getErr().println("spime-sim: no twin of " + car + " in " + store
            + instant.map(at -> " as of " + at).orElse(""));
        return SpimeSim.EXIT_VIOLATION;
      }
      out.println(json().writeValueAsString(twin.get()));
      if (instant.isEmpty()) {
        printSignals(out, twins.latestSignals(car), twins.samplesApplied(car));
      }
    }
    out.flush();
    return 0;
  }

  private Vin parseVin() {
    try {
      return Vin.parseLenient(vin);
    } catch (WireException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private Optional<Instant> parseInstant() {
    if (asOf == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(asOf));
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--as-of '" + asOf + "' is not an instant like 2026-11-23T10:15:30Z");
    }
  }

  private static void printSignals(PrintWriter out, Map<Integer, SignalReading> latest, long samples) {
    SignalCatalog catalog = SignalCatalog.builtIn();
    out.printf("%nlatest signals (%,d samples applied):%n", samples);
    latest.values().stream()
        .sorted(java.util.Comparator.comparingInt(SignalReading::signalId))
        .forEach(reading -> out.printf("  %-60s %-14s at %s%n",
            catalog.byId(reading.signalId()).map(signal -> signal.path())
                .orElse("signal " + reading.signalId()),
            text(reading.value()), Instant.ofEpochMilli(reading.timeMillis())));
  }

  private static String text(SignalValue value) {
    if (value instanceof SignalValue.Number number) {
      return String.valueOf(number.value());
    }
    if (value instanceof SignalValue.Bool bool) {
      return String.valueOf(bool.value());
    }
    return ((SignalValue.Text) value).value();
  }

  private static ObjectMapper json() {
    return new ObjectMapper()
        .registerModule(new SimpleModule().addSerializer(Vin.class, ToStringSerializer.instance))
        .registerModule(new Jdk8Module())
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .setSerializationInclusion(JsonInclude.Include.NON_ABSENT);
  }
}
