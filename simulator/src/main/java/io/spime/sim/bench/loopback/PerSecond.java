package io.spime.sim.bench.loopback;

import io.spime.sim.internal.threads.SimThreads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Per-second rates of a few monotonic counters, read once a second on its own thread from {@link
 * #start} to {@link #close}; a partial last second is dropped. Medians and minimums come from the
 * whole seconds, so one slow second on a shared machine does not move the median.
 */
public final class PerSecond implements AutoCloseable {
  private final LongSupplier[] counters;
  private final long[] last;
  private final List<double[]> rows = new ArrayList<>();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(SimThreads.daemon("spime-bench-rates"));
  private long lastNanos;

  private PerSecond(LongSupplier[] counters) {
    this.counters = counters.clone();
    this.last = new long[counters.length];
  }

  /** Starts reading the counters now. */
  public static PerSecond start(LongSupplier... counters) {
    PerSecond rates = new PerSecond(counters);
    rates.begin();
    return rates;
  }

  private synchronized void begin() {
    for (int i = 0; i < counters.length; i++) {
      last[i] = counters[i].getAsLong();
    }
    lastNanos = System.nanoTime();
    ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
  }

  private synchronized void tick() {
    long now = System.nanoTime();
    double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
    double[] row = new double[counters.length];
    for (int i = 0; i < counters.length; i++) {
      long value = counters[i].getAsLong();
      row[i] = (value - last[i]) / seconds;
      last[i] = value;
    }
    lastNanos = now;
    rows.add(row);
  }

  /** Whole seconds measured so far. */
  public synchronized int seconds() {
    return rows.size();
  }

  /** The latest whole second's rate of counter {@code index}; 0 before the first second. */
  public synchronized double latest(int index) {
    return rows.isEmpty() ? 0 : rows.get(rows.size() - 1)[index];
  }

  /** The median per-second rate of counter {@code index}; 0 without a whole second. */
  public synchronized double median(int index) {
    double[] sorted = column(index);
    if (sorted.length == 0) {
      return 0;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** The lowest per-second rate of counter {@code index}; 0 without a whole second. */
  public synchronized double min(int index) {
    double[] sorted = column(index);
    return sorted.length == 0 ? 0 : sorted[0];
  }

  private double[] column(int index) {
    double[] column = new double[rows.size()];
    for (int i = 0; i < column.length; i++) {
      column[i] = rows.get(i)[index];
    }
    Arrays.sort(column);
    return column;
  }

  /** Stops reading; the rates read so far stay available. */
  @Override
  public void close() {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
