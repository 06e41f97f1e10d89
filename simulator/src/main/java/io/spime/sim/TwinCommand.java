package io.spime.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.spime.sim.options.CommandOptions;
import io.spime.sim.options.StoreOption;
import io.spime.twin.Twin;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.fleet.SignalReading;
import io.spime.wire.AssetId;
import io.spime.wire.WireException;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.telemetry.SignalValue;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code spime-sim twin VIN --store FILE [--as-of T]}: prints one twin from a store. */
@Command(
    name = "twin",
    mixinStandardHelpOptions = true,
    modelTransformer = TwinCommand.Options.class,
    description = "Prints one car's twin from a twin store (SQLite or PostgreSQL) as one JSON"
        + " document: now, with the latest value of every signal in it, or as it was at --as-of.")
final class TwinCommand implements Callable<Integer> {
  /** There is no twin to print without a store. */
  static final class Options extends CommandOptions {
    Options() {
      required("--store");
    }
  }

  @Parameters(index = "0", description = "The car's VIN.")
  String vin;

  @Mixin StoreOption storeOption;

  @Option(names = "--as-of", description = "An instant such as 2026-11-23T10:15:30Z (default: now).")
  String asOf;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    AssetId car = parseVin();
    Optional<Instant> instant = parseInstant();
    String store = TwinStores.redact(storeOption.location().orElseThrow());
    Optional<Path> file = storeOption.file();
    if (file.isPresent() && !Files.isRegularFile(file.get())) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--store: no twin store at " + store);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (TwinStore twins = TwinStores.open(storeOption.location().orElseThrow())) {
      Optional<Twin> twin = instant.isPresent() ? twins.asOf(car, instant.get()) : twins.twin(car);
      if (twin.isEmpty()) {
        spec.commandLine().getErr().println("spime-sim: no twin of " + car + " in " + store
            + instant.map(at -> " as of " + at).orElse(""));
        return ExitCodes.NO_SUCH_TWIN;
      }
      ObjectMapper json = json();
      ObjectNode document = json.valueToTree(twin.get());
      if (instant.isEmpty()) {
        addSignals(document, twins.latestSignals(car), twins.samplesApplied(car));
      }
      out.println(json.writeValueAsString(document));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private AssetId parseVin() {
    try {
      return AssetId.parseLenient(vin);
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

  /** The latest value of every signal, by VSS path, and how many samples were applied. */
  private static void addSignals(ObjectNode document, Map<Integer, SignalReading> latest,
      long samples) {
    SignalCatalog catalog = SignalCatalog.builtIn();
    document.put("samplesApplied", samples);
    ArrayNode signals = document.putArray("latestSignals");
    latest.values().stream()
        .sorted(java.util.Comparator.comparingInt(SignalReading::signalId))
        .forEach(reading -> {
          ObjectNode signal = signals.addObject();
          signal.put("path", catalog.byId(reading.signalId()).map(known -> known.path())
              .orElse("signal " + reading.signalId()));
          if (reading.value() instanceof SignalValue.Number number) {
            signal.put("value", number.value());
          } else if (reading.value() instanceof SignalValue.Bool bool) {
            signal.put("value", bool.value());
          } else {
            signal.put("value", ((SignalValue.Text) reading.value()).value());
          }
          signal.put("time", Instant.ofEpochMilli(reading.timeMillis()).toString());
        });
  }

  private static ObjectMapper json() {
    return new ObjectMapper()
        .registerModule(new SimpleModule().addSerializer(AssetId.class, ToStringSerializer.instance))
        .registerModule(new Jdk8Module())
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .setSerializationInclusion(JsonInclude.Include.NON_ABSENT);
  }
}
