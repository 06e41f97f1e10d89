package io.spime.sim.internal.shard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spime.sim.internal.build.RunInfo;
import io.spime.sim.internal.faults.FaultEvent;
import io.spime.sim.internal.report.RunReport;
import io.spime.sim.internal.verify.CarResult;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/** The verdict over every shard: on the console, as JSON, and as one HTML page. */
public record ShardVerdict(ShardVerification.Outcome outcome, RunInfo info) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Shards, the cars (20, then only unclean ones), totals, faults and the result line. */
  public void print(PrintWriter out) {
    for (ShardLedger.Header shard : outcome.shards()) {
      out.printf("shard %s: %d faults, outboxes %s after %.1f s (%s)%n", shard.shard(),
          shard.faults().size(), shard.drained() ? "drained" : "NOT drained",
          shard.drainMillis() / 1000.0, shard.build());
    }
    out.printf("%n%-17s %10s %10s %6s %6s %5s %8s %5s  %s%n", "VIN", "accepted", "stored",
        "lost", "dup", "kills", "inflight", "dtcs", "twin");
    int shown = 0;
    for (CarResult car : outcome.cars()) {
      if (shown < 20 || !car.clean()) {
        out.printf("%-17s %10d %10d %6d %6d %5d %8d %5d  %s%n", car.vin(), car.accepted(),
            car.stored(), car.lost(), car.duplicated(), car.kills(), car.inFlight(),
            car.dtcs().raised(), RunReport.verdict(car));
        shown++;
      }
    }
    if (shown < outcome.cars().size()) {
      out.printf("(%d more cars, all clean)%n", outcome.cars().size() - shown);
    }
    out.printf("%-17s %10d %10d %6d %6d %5d %8d%n", "total", sum(CarResultField.ACCEPTED),
        sum(CarResultField.STORED), sum(CarResultField.LOST), sum(CarResultField.DUPLICATED),
        sum(CarResultField.KILLS), sum(CarResultField.IN_FLIGHT));
    out.printf("faults: %d link cuts, %d agent kills, %d broker restarts over %d shards%n",
        count(FaultEvent.Kind.LINK_CUT), count(FaultEvent.Kind.AGENT_KILL),
        count(FaultEvent.Kind.BROKER_RESTART), outcome.shards().size());
    out.println(resultLine());
    out.flush();
  }

  public String resultLine() {
    return outcome.clean()
        ? "result: OK - " + outcome.shards().size() + " shards verify as one fleet of "
            + outcome.cars().size() + " cars: every sample the agents accepted is in its twin,"
            + " once, and so is every DTC change."
        : "result: FAILED - see the rows above.";
  }

  /** The verdict as JSON: the header, the shards, the totals, every fault and every car. */
  public void writeJson(Path file) {
    ObjectNode root = JSON.createObjectNode();
    root.put("verdict", outcome.clean() ? "OK" : "FAILED");
    root.putObject("header").put("version", info.build().version())
        .put("commit", info.build().commit()).put("date", info.startedAt().toString())
        .put("commandLine", info.commandLine()).put("host", info.host()).put("cores", info.cores())
        .put("jvm", info.jvm()).put("seed", outcome.shards().get(0).seed())
        .put("vehicles", outcome.cars().size());
    ArrayNode shards = root.putArray("shards");
    outcome.shards().forEach(shard -> shards.addObject().put("shard", shard.shard().toString())
        .put("drained", shard.drained()).put("drainMillis", shard.drainMillis())
        .put("faults", shard.faults().size()).put("build", shard.build()));
    ObjectNode figures = root.putObject("figures");
    for (CarResultField field : CarResultField.values()) {
      figures.put("samples_" + field.name().toLowerCase(Locale.ROOT), sum(field));
    }
    figures.put("link_cuts", count(FaultEvent.Kind.LINK_CUT));
    figures.put("agent_kills", count(FaultEvent.Kind.AGENT_KILL));
    figures.put("cars", outcome.cars().size());
    figures.put("cars_not_clean", outcome.cars().stream().filter(car -> !car.clean()).count());
    ArrayNode cars = root.putArray("cars");
    outcome.cars().forEach(car -> cars.addObject().put("vin", car.vin().value())
        .put("accepted", car.accepted()).put("stored", car.stored()).put("lost", car.lost())
        .put("duplicated", car.duplicated()).put("kills", car.kills()).put("clean", car.clean())
        .put("twin", RunReport.verdict(car)));
    try {
      OwnerOnlyFiles.writeString(file, JSON.writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** One HTML page: the verdict, the shards, every fault with its shard and time, every car. */
  public void writeHtml(Path file) {
    try {
      OwnerOnlyFiles.writeString(file, ShardVerdictPage.html(this));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + file, e);
    }
  }

  long sum(CarResultField field) {
    return outcome.cars().stream().mapToLong(field::of).sum();
  }

  long count(FaultEvent.Kind kind) {
    return outcome.faults().stream().filter(fault -> fault.kind() == kind).count();
  }

  /** The per-car figures that add up over the fleet. */
  enum CarResultField {
    ACCEPTED, STORED, LOST, DUPLICATED, KILLS, IN_FLIGHT;

    long of(CarResult car) {
      return switch (this) {
        case ACCEPTED -> car.accepted();
        case STORED -> car.stored();
        case LOST -> car.lost();
        case DUPLICATED -> car.duplicated();
        case KILLS -> car.kills();
        case IN_FLIGHT -> car.inFlight();
      };
    }
  }
}
