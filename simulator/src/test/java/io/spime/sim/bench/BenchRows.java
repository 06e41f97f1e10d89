package io.spime.sim.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/** The HTTP read benchmark's figures: one line per round and phase, then the medians and ratios. */
final class BenchRows {
  private BenchRows() {}

  /** The ingest in one phase: samples committed per second, record-to-durable latency in ms. */
  record Ingest(double samplesPerSecond, Histogram latencyMillis) {
    /** The latency of the phase's samples durable by the end of the settle; "none" when none were. */
    String latency() {
      if (latencyMillis.getTotalCount() == 0) {
        return "durable: none of its samples within 5 s after it";
      }
      return String.format(Locale.ROOT, "durable p50 %.0f ms p99 %.0f ms (%,d samples)", p50(), p99(),
          latencyMillis.getTotalCount());
    }

    double p50() {
      return latencyMillis.getValueAtPercentile(50);
    }

    double p99() {
      return latencyMillis.getValueAtPercentile(99);
    }
  }

  /** One round: the ingest alone, then with the reads, and the reads. */
  record Round(int number, Ingest alone, Ingest loaded, OpenLoopReads.Result reads) {}

  static void printRound(PrintWriter out, Round r) {
    Histogram h = r.reads().micros();
    out.printf(Locale.ROOT, "round %d: ingest alone %,.0f samples/s, %s | with reads %,.0f samples/s, %s |"
        + " reads %,.0f/s ok (%d sent, %d failed, %d sent late), p50 %.2f ms p99 %.2f ms p99.9 %.2f ms"
        + " max %.2f ms%n", r.number(), r.alone().samplesPerSecond(), r.alone().latency(),
        r.loaded().samplesPerSecond(), r.loaded().latency(), r.reads().perSecond(), r.reads().sent(), r.reads().failed(),
        r.reads().late(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
        h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
    out.flush();
  }

  static void printMedians(PrintWriter out, List<Round> rounds) {
    double aloneRate = median(rounds, r -> r.alone().samplesPerSecond());
    double loadedRate = median(rounds, r -> r.loaded().samplesPerSecond());
    out.printf(Locale.ROOT, "median of %d rounds:%n", rounds.size());
    out.printf(Locale.ROOT, "  reads: %,.0f/s ok, p50 %.2f ms, p99 %.2f ms%n",
        median(rounds, r -> r.reads().perSecond()),
        median(rounds, r -> r.reads().micros().getValueAtPercentile(50) / 1000.0),
        median(rounds, r -> r.reads().micros().getValueAtPercentile(99) / 1000.0));
    out.printf(Locale.ROOT, "  ingest samples/s: alone %,.0f, with reads %,.0f (%.2fx)%n", aloneRate, loadedRate,
        loadedRate / aloneRate);
    List<Round> timed = rounds.stream()
        .filter(r -> r.alone().latencyMillis().getTotalCount() > 0 && r.loaded().latencyMillis().getTotalCount() > 0)
        .toList();
    if (timed.isEmpty()) {
      out.println("  ingest record to durable: no round had samples of both phases durable within 5 s after them");
    } else {
      double aloneP50 = median(timed, r -> r.alone().p50());
      double loadedP50 = median(timed, r -> r.loaded().p50());
      double aloneP99 = median(timed, r -> r.alone().p99());
      double loadedP99 = median(timed, r -> r.loaded().p99());
      out.printf(Locale.ROOT, "  ingest record to durable p50 (%d rounds): alone %.0f ms, with reads %.0f ms (%.2fx)%n",
          timed.size(), aloneP50, loadedP50, loadedP50 / aloneP50);
      out.printf(Locale.ROOT, "  ingest record to durable p99 (%d rounds): alone %.0f ms, with reads %.0f ms (%.2fx)%n",
          timed.size(), aloneP99, loadedP99, loadedP99 / aloneP99);
    }
    out.flush();
  }

  private static double median(List<Round> rounds, ToDoubleFunction<Round> figure) {
    double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }
}
