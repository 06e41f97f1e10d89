package io.spime.sim.internal.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spime.sim.internal.build.RunInfo;
import io.spime.sim.internal.faults.FaultEvent;
import io.spime.sim.internal.verify.CarResult;
import io.spime.sim.internal.verify.LatencySummary;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A run's result as JSON for pipelines ({@code --json FILE}): the header (version, commit, date,
 * command line, seed, host, cores, JVM), the verdict, every figure of the summary under {@code
 * figures} (flat, numbers only, so {@code spime-sim compare} can set two side by side), the back
 * office's line and violations, the figures per kind of asset under {@code kinds}, the renewal ranking's check under {@code renewals} (in a {@code renewal}
 * run), every fault as injected, and one entry per car.
 */
public final class RunJson {
  /** The format's version; a reader refuses another. */
  public static final int FORMAT = 1;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunJson() {}

  /** Writes the result, owner-only. */
  public static void write(Path file, RunReport report) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        OwnerOnlyFiles.createDirectories(parent);
      }
      OwnerOnlyFiles.writeString(file, JSON.writeValueAsString(tree(report)) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the result " + file, e);
    }
  }

  static ObjectNode tree(RunReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    RunInfo info = report.info();
    ObjectNode header = root.putObject("header");
    header.put("version", info.build().version());
    header.put("commit", info.build().commit());
    header.put("date", info.startedAt().toString());
    header.put("commandLine", info.commandLine());
    header.put("scenario", report.config().scenario().name());
    header.put("vehicles", report.config().vehicles());
    header.put("durationSeconds", report.config().duration().toMillis() / 1000.0);
    header.put("seed", report.config().seed());
    header.put("host", info.host());
    header.put("cores", info.cores());
    header.put("jvm", info.jvm());
    root.put("verdict", report.clean() ? "OK" : "FAILED");
    root.put("drained", report.drained());
    figures(root.putObject("figures"), report);
    ObjectNode office = root.putObject("office");
    office.put("summary", report.officeSummary());
    ArrayNode violations = office.putArray("violations");
    report.officeViolations().forEach(violations::add);
    report.renewals().ifPresent(check -> RenewalSection.json(root, check));
    ArrayNode faults = root.putArray("faults");
    for (FaultEvent fault : report.faults()) {
      faults.addObject().put("kind", fault.kind().name()).put("atMillis", fault.atMillis())
          .put("lengthMillis", fault.lengthMillis()).put("target", fault.target());
    }
    KindTally.json(root.putArray("kinds"), report.kinds());
    ArrayNode cars = root.putArray("cars");
    for (CarResult car : report.cars()) {
      cars.addObject().put("vin", car.vin().value())
          .put("kind", io.spime.sim.internal.car.AssetIds.kindOf(car.vin()).wireName())
          .put("accepted", car.accepted())
          .put("stored", car.stored()).put("lost", car.lost()).put("duplicated", car.duplicated())
          .put("kills", car.kills()).put("inFlight", car.inFlight())
          .put("dtcsSet", car.dtcs().raised()).put("dtcsOpen", car.dtcs().open())
          .put("clean", car.clean()).put("twin", RunReport.verdict(car));
    }
    return root;
  }

  /** Every figure the console's and the page's summary give, by a stable name. */
  private static void figures(ObjectNode figures, RunReport report) {
    LatencySummary latency = report.latency();
    OutOfProcessCars children = report.outOfProcess();
    figures.put("samples_accepted", report.totalAccepted());
    figures.put("samples_stored", report.totalStored());
    figures.put("samples_lost", report.totalLost());
    figures.put("samples_duplicated", report.totalDuplicated());
    figures.put("samples_in_flight_at_kills", report.totalInFlight());
    figures.put("cars", report.cars().size());
    figures.put("cars_not_clean", report.cars().stream().filter(car -> !car.clean()).count());
    figures.put("dtcs_set", report.totalDtcsRaised());
    figures.put("dtcs_cleared", report.totalDtcsCleared());
    figures.put("dtcs_open_at_end", report.totalDtcsOpen());
    figures.put("cars_with_dtc_mismatch", report.carsWithDtcMismatch());
    figures.put("link_cuts", report.linkCuts());
    figures.put("broker_restarts", report.brokerRestarts());
    figures.put("agent_kills", children.kills().size());
    figures.put("agent_kills_by_sigkill", children.bySigkill());
    figures.put("agent_restarts", children.restarts());
    figures.put("out_of_process_cars", children.cars());
    if (children.cars() > 0) {
      figures.put("child_start_to_first_sample_p50_ms", children.startupP50Millis());
      figures.put("child_start_to_first_sample_max_ms", children.startupMaxMillis());
      figures.put("child_starts_measured", children.startupMillis().size());
      figures.put("child_resident_kb_max", children.maxRssKb());
    }
    figures.put("latency_p50_ms", latency.p50());
    figures.put("latency_p95_ms", latency.p95());
    figures.put("latency_p99_ms", latency.p99());
    figures.put("latency_max_ms", latency.max());
    figures.put("latency_samples", latency.samples());
    figures.put("ingest_batches_applied", report.ingest().appliedBatches());
    figures.put("ingest_duplicate_batches_dropped", report.ingest().duplicateBatches());
    figures.put("ingest_out_of_order_batches_dropped", report.ingest().gapBatches());
    figures.put("ingest_messages_rejected", report.ingest().rejectedTotal());
    figures.put("ingest_acks_sent", report.ingest().acksSent());
    figures.put("heap_kb_per_in_process_car", report.heapBytesPerCar() / 1024);
    figures.put("drain_ms", report.drainTime().toMillis());
  }
}
