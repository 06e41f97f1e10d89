package io.spime.sim.bench.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spime.cloud.sync.IngestStats;
import io.spime.sim.bench.loopback.LoopbackResult;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/** A capacity run's figures as text and as JSON ({@code --json FILE}). */
public final class CapacityReport {
  /** The JSON format's version. */
  public static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CapacityReport() {}

  /** Prints the figures, the check and the verdict line. */
  public static void print(CapacityResult r, PrintWriter out) {
    LoopbackResult loop = r.loopback();
    IngestStats ingest = r.ingest();
    CapacityCheck check = r.check();
    out.println();
    out.printf(Locale.ROOT, "ingest capacity (%,d VINs, %d load publishers -> %s broker -> FleetIngest"
        + " -> %s, %d s measured)%n", r.config().vins(), r.config().publishers(), r.broker(),
        r.store(), r.seconds());
    out.printf(Locale.ROOT, "  applied         %,12.0f samples/s median, min %,.0f%n",
        r.samplesPerSecond(), r.minSamplesPerSecond());
    out.printf(Locale.ROOT, "  applied         %,12.0f batches/s median, min %,.0f (published %,.0f/s)%n",
        r.batchesPerSecond(), r.minBatchesPerSecond(), r.publishedPerSecond());
    out.printf(Locale.ROOT, "  latency         received -> durable p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms"
        + " (%,d batches)%n", r.receivedToDurable().p50(), r.receivedToDurable().p99(),
        r.receivedToDurable().max(), r.receivedToDurable().count());
    out.printf(Locale.ROOT, "  store           apply thread in the store %.0f %% of each second (median),"
        + " %.1f transactions/s of %.0f messages, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        r.storeBusy() * 100, r.transactionsPerSecond(), r.messagesPerTransaction(),
        r.transactionMillis().p50(), r.transactionMillis().p99(), r.transactionMillis().max());
    out.printf(Locale.ROOT, "  ingest          received %,d, applied %,d batches, duplicates %,d, gaps %,d,"
        + " rejected %,d, acks %,d (deferred %,d)%n", ingest.received(), ingest.appliedBatches(),
        ingest.duplicateBatches(), ingest.gapBatches(), ingest.rejectedTotal(), ingest.acksSent(),
        ingest.acksDeferred());
    out.printf(Locale.ROOT, "  loopback        %s, %d publishers, %,d B: %,.0f messages/s median, %.2f MB/s;"
        + " applied batches/s ÷ loopback messages/s %.3f%n", loop.shape(), loop.publishers(),
        loop.payloadBytes(), loop.messagesPerSecond(), loop.megabytesPerSecond(), r.shareOfLoopback());
    out.printf(Locale.ROOT, "  verification    published %,d batches, acked %,d; samples published %,d,"
        + " stored %,d: missing %,d, extra %,d, VINs off %,d; %s%n", check.publishedBatches(),
        check.ackedBatches(), check.expectedSamples(), check.storedSamples(), check.missing(),
        check.extra(), check.vinsOff(), check.allAcked()
            ? String.format(Locale.ROOT, "last ack after %.1f s", check.drainTime().toMillis() / 1000.0)
            : String.format(Locale.ROOT, "NOT all acked after %.1f s", check.drainTime().toMillis() / 1000.0));
    out.println(r.clean()
        ? "result: OK, every published sample stored once and acked"
        : "result: FAILED, the store does not hold every published sample exactly once; the figures are no result");
    out.flush();
  }

  /** Writes the result as JSON, owner-only. */
  public static void writeJson(CapacityResult r, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        OwnerOnlyFiles.createDirectories(parent);
      }
      OwnerOnlyFiles.writeString(file, JSON.writeValueAsString(tree(r)) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the result " + file, e);
    }
  }

  static ObjectNode tree(CapacityResult r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("verdict", r.clean() ? "OK" : "FAILED");
    ObjectNode run = root.putObject("run");
    run.put("vins", r.config().vins());
    run.put("publishers", r.config().publishers());
    run.put("durationSeconds", r.config().duration().toMillis() / 1000.0);
    run.put("warmupSeconds", r.config().warmup().toMillis() / 1000.0);
    run.put("seed", r.config().seed());
    run.put("broker", r.broker());
    run.put("store", r.store());
    run.put("samplesPerBatch", CapacityConfig.samplesPerBatch());
    run.put("windowsPerVin", r.windowsPerVin());
    run.put("payloadBytes", r.payloadBytes());
    ObjectNode figures = root.putObject("figures");
    figures.put("seconds", r.seconds());
    figures.put("samplesPerSecond", r.samplesPerSecond());
    figures.put("minSamplesPerSecond", r.minSamplesPerSecond());
    figures.put("batchesPerSecond", r.batchesPerSecond());
    figures.put("minBatchesPerSecond", r.minBatchesPerSecond());
    figures.put("publishedBatchesPerSecond", r.publishedPerSecond());
    figures.put("receivedToDurableP50Millis", r.receivedToDurable().p50());
    figures.put("receivedToDurableP99Millis", r.receivedToDurable().p99());
    figures.put("receivedToDurableMaxMillis", r.receivedToDurable().max());
    figures.put("transactionP50Millis", r.transactionMillis().p50());
    figures.put("transactionP99Millis", r.transactionMillis().p99());
    figures.put("transactionMaxMillis", r.transactionMillis().max());
    figures.put("transactionsPerSecond", r.transactionsPerSecond());
    figures.put("messagesPerTransaction", r.messagesPerTransaction());
    figures.put("storeBusyFraction", r.storeBusy());
    figures.put("loopbackMessagesPerSecond", r.loopback().messagesPerSecond());
    figures.put("loopbackMegabytesPerSecond", r.loopback().megabytesPerSecond());
    figures.put("shareOfLoopback", r.shareOfLoopback());
    figures.put("duplicateBatches", r.ingest().duplicateBatches());
    figures.put("gapBatches", r.ingest().gapBatches());
    figures.put("rejected", r.ingest().rejectedTotal());
    CapacityCheck check = r.check();
    ObjectNode verification = root.putObject("verification");
    verification.put("publishedBatches", check.publishedBatches());
    verification.put("ackedBatches", check.ackedBatches());
    verification.put("expectedSamples", check.expectedSamples());
    verification.put("storedSamples", check.storedSamples());
    verification.put("missing", check.missing());
    verification.put("extra", check.extra());
    verification.put("vinsOff", check.vinsOff());
    verification.put("allAcked", check.allAcked());
    verification.put("drainSeconds", check.drainTime().toMillis() / 1000.0);
    return root;
  }
}
