package io.spime.sim.bench;

import io.spime.cloud.sync.IngestStats;
import io.spime.sim.bench.loopback.BrokerLoopback;
import io.spime.sim.bench.loopback.LoopbackResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark run's figures: the broker's loopback limit, the end-to-end run, their ratios and the
 * targets of issue #6.
 *
 * @param config what was run
 * @param loopbacks the broker loopback runs, wildcard first
 * @param endToEnd the end-to-end run
 */
public record BenchReport(BenchConfig config, List<LoopbackResult> loopbacks, EndToEndResult endToEnd) {
  static final long TARGET_SAMPLES_PER_SECOND = 100_000;
  static final int TARGET_VEHICLES = 1_000;
  static final long TARGET_P99_MILLIS = 500;
  /** Applied at least this share of what was recorded: the store kept up, the outboxes did not grow. */
  static final double KEEPS_UP = 0.98;

  public BenchReport {
    loopbacks = List.copyOf(loopbacks);
  }

  /** True when every accepted sample is stored once: the figures are a result. */
  public boolean clean() {
    return endToEnd.verification().clean();
  }

  /** Whether the twin store applied what the cars recorded, second by second (median). */
  boolean keptUp() {
    return endToEnd.samplesPerSecond() >= KEEPS_UP * endToEnd.recordedPerSecond();
  }

  public void print(PrintWriter out) {
    out.println();
    out.printf(Locale.ROOT, "broker loopback (%d Paho publishers, window %d, QoS 1, %,d B payloads,"
        + " one counting subscriber; nodelay: plain Paho with TCP_NODELAY)%n",
        BrokerLoopback.PUBLISHERS, BrokerLoopback.WINDOW, loopbacks.get(0).payloadBytes());
    out.printf(Locale.ROOT, "  %-9s %-40s %12s %12s %8s %11s %11s %5s%n", "shape", "filter",
        "messages/s", "min/s", "MB/s", "published", "delivered", "lost");
    for (LoopbackResult loop : loopbacks) {
      out.printf(Locale.ROOT, "  %-9s %-40s %,12.0f %,12.0f %8.2f %,11d %,11d %,5d%n", loop.shape(),
          loop.filter(), loop.messagesPerSecond(), loop.minMessagesPerSecond(),
          loop.megabytesPerSecond(), loop.published(), loop.delivered(), loop.lost());
    }
    EndToEndResult e2e = endToEnd;
    Verification check = e2e.verification();
    IngestStats ingest = e2e.ingest();
    out.println();
    out.printf(Locale.ROOT, "end to end (%,d agents -> broker -> FleetIngest -> twin store,"
        + " %d s measured)%n", config.vehicles(), e2e.seconds());
    out.printf(Locale.ROOT, "  recorded        %,12.0f samples/s median (offered %,d)%n",
        e2e.recordedPerSecond(), config.offeredSamplesPerSecond());
    out.printf(Locale.ROOT, "  applied         %,12.0f samples/s median, min %,.0f%n",
        e2e.samplesPerSecond(), e2e.minSamplesPerSecond());
    out.printf(Locale.ROOT, "  applied         %,12.0f batches/s median, min %,.0f%n",
        e2e.batchesPerSecond(), e2e.minBatchesPerSecond());
    out.printf(Locale.ROOT, "  payload         %12.2f MB/s (batch: %d samples, %,d B median, %,.0f B mean)%n",
        e2e.megabytesPerSecond(), e2e.samplesPerBatch(), e2e.payloadBytes(), e2e.meanPayloadBytes());
    Latencies latency = e2e.latency();
    out.printf(Locale.ROOT, "  latency         record -> durable p50 %,d ms, p95 %,d ms, p99 %,d ms,"
        + " max %,d ms (%,d samples)%n", latency.p50(), latency.p95(), latency.p99(),
        latency.max(), latency.samples());
    Latencies toIngest = e2e.toIngest();
    Latencies inIngest = e2e.inIngest();
    out.printf(Locale.ROOT, "    of which      record -> received by the ingest p50 %,d ms, p99 %,d ms (car: batch window,"
        + " outbox, uplink; broker)%n", toIngest.p50(), toIngest.p99());
    out.printf(Locale.ROOT, "                  received -> durable p50 %,d ms, p99 %,d ms, max %,d ms per batch (%,d batches;"
        + " ingest queue, checks, store transaction)%n", inIngest.p50(), inIngest.p99(), inIngest.max(),
        inIngest.samples());
    out.printf(Locale.ROOT, "  ingest          received %,d, applied %,d batches, duplicates %,d,"
        + " gaps %,d, rejected %,d, acks %,d (deferred %,d)%n", ingest.received(), ingest.appliedBatches(),
        ingest.duplicateBatches(), ingest.gapBatches(), ingest.rejectedTotal(), ingest.acksSent(),
        ingest.acksDeferred());
    StoreTimings store = e2e.store();
    out.printf(Locale.ROOT, "  store           apply thread in the store %.0f %% of each second (median),"
        + " %.1f transactions/s of %.0f messages, %.0f ms each (mean), p99 %.0f ms, max %.0f ms%n",
        store.busyFraction() * 100, store.transactionsPerSecond(), store.messagesPerTransaction(),
        store.meanMillis(), store.p99Millis(), store.maxMillis());
    AgentTotals agents = e2e.agents();
    out.printf(Locale.ROOT, "  agents          sealed %,d batches, sent %,d messages (resent %,d),"
        + " reconnects %,d, record disk waits %,d (longest %,d µs)%n", agents.batchesSealed(),
        agents.messagesSent(), agents.messagesResent(), agents.reconnects(),
        agents.recordDiskWaits(), agents.maxRecordDiskWaitMicros());
    out.printf(Locale.ROOT, "  heap            %,d MB used after GC of %,d MB max, %,d KB per car;"
        + " agents connected in %.1f s%n", e2e.heapUsedBytes() >> 20, e2e.heapMaxBytes() >> 20,
        e2e.heapPerCarBytes() >> 10, e2e.connectTime().toMillis() / 1000.0);
    out.printf(Locale.ROOT, "  verification    accepted %,d, stored %,d: missing %,d, extra %,d,"
        + " cars off %d, refused %,d, record failures %,d; %s%n", check.accepted(), check.stored(),
        check.missing(), check.extra(), check.carsMismatched(), check.refused(), check.failedCalls(),
        check.drained()
            ? String.format(Locale.ROOT, "drained in %.1f s", check.drainTime().toMillis() / 1000.0)
            : String.format(Locale.ROOT, "NOT drained after %.1f s, %,d batches still in outboxes",
                check.drainTime().toMillis() / 1000.0, check.backlogBatches()));
    printRatios(out);
    printTargets(out);
    out.println(verdict(check));
    out.flush();
  }

  private void printRatios(PrintWriter out) {
    out.println();
    out.println("end to end ÷ broker loopback");
    for (LoopbackResult loop : loopbacks) {
      out.printf(Locale.ROOT, "  %-9s batches/s ÷ messages/s %.3f, MB/s ÷ MB/s %.3f%n", loop.shape(),
          ratio(endToEnd.batchesPerSecond(), loop.messagesPerSecond()),
          ratio(endToEnd.megabytesPerSecond(), loop.megabytesPerSecond()));
    }
  }

  private void printTargets(PrintWriter out) {
    out.println();
    out.println("targets (issue #6; sustained = the store applied what was recorded, median of seconds)");
    boolean samples = config.offeredSamplesPerSecond() >= TARGET_SAMPLES_PER_SECOND && keptUp();
    boolean vehicles = config.vehicles() >= TARGET_VEHICLES
        && endToEnd.batchesPerSecond() >= TARGET_VEHICLES && keptUp();
    boolean p99 = endToEnd.latency().samples() > 0 && endToEnd.latency().p99() < TARGET_P99_MILLIS;
    out.printf(Locale.ROOT, "  >= 100,000 samples/s sustained            %,9.0f of %,d recorded/s   %s%n",
        endToEnd.samplesPerSecond(), Math.round(endToEnd.recordedPerSecond()), met(samples));
    out.printf(Locale.ROOT, "  >= 1,000 vehicles' batches/s sustained    %,9d cars, %,.0f batches/s   %s%n",
        config.vehicles(), endToEnd.batchesPerSecond(), met(vehicles));
    out.printf(Locale.ROOT, "  p99 record -> durable < 500 ms            %,9d ms   %s%n",
        endToEnd.latency().p99(), met(p99));
  }

  private static String verdict(Verification check) {
    if (check.clean()) {
      return "result: OK, every accepted sample stored once, 0 lost";
    }
    if (!check.drained()) {
      return String.format(Locale.ROOT, "result: NOT DRAINED, %,d samples not stored yet (kept in the"
          + " outboxes); the figures are no result", check.missing());
    }
    return String.format(Locale.ROOT, "result: DATA LOST (%,d samples missing, %,d extra, %,d refused,"
        + " %,d record failures); the figures are no result", check.lost(), check.extra(),
        check.refused(), check.failedCalls());
  }

  private static String met(boolean met) {
    return met ? "met" : "not met";
  }

  private static double ratio(double ours, double broker) {
    return broker <= 0 ? 0 : ours / broker;
  }
}
