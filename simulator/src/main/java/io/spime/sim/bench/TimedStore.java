package io.spime.sim.bench;

import io.spime.twin.TwinStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Wraps the twin store given to the ingest and times its apply calls (each one transaction of a
 * group of uplink messages): how busy the ingest's single apply thread is with the store, and how
 * long a transaction takes. A dynamic proxy, so it passes every other call straight through.
 */
final class TimedStore implements InvocationHandler {
  private final TwinStore store;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong busyNanos = new AtomicLong();
  private final Recorder transactionMicros = new Recorder(3);

  private TimedStore(TwinStore store) {
    this.store = store;
  }

  /** The store, timed; read the timings through {@link #timings(TwinStore)}. */
  static TwinStore wrap(TwinStore store) {
    return (TwinStore) Proxy.newProxyInstance(TwinStore.class.getClassLoader(),
        new Class<?>[] {TwinStore.class}, new TimedStore(store));
  }

  /** The timing of a store made by {@link #wrap}. */
  static TimedStore timings(TwinStore wrapped) {
    return (TimedStore) Proxy.getInvocationHandler(wrapped);
  }

  /** Nanoseconds spent inside them so far. */
  long busyNanos() {
    return busyNanos.get();
  }

  /** Where the counters stand now; the spread of transaction times is taken from here on. */
  Mark mark() {
    transactionMicros.reset();
    return counters();
  }

  private Mark counters() {
    return new Mark(calls.get(), messages.get(), busyNanos.get(), System.nanoTime());
  }

  /** The timings from {@code start} to now, with the median busy share measured per second. */
  StoreTimings since(Mark start, double busyFraction) {
    Histogram spread = transactionMicros.getIntervalHistogram();
    Mark now = counters();
    long count = now.calls() - start.calls();
    double seconds = Math.max(1e-3, (now.nanos() - start.nanos()) / 1e9);
    return new StoreTimings(Math.min(1, busyFraction), count / seconds,
        count == 0 ? 0 : (now.busyNanos() - start.busyNanos()) / 1e6 / count,
        spread.getValueAtPercentile(99) / 1000.0, spread.getMaxValue() / 1000.0,
        count == 0 ? 0 : (double) (now.messages() - start.messages()) / count);
  }

  /** The counters at one moment. */
  record Mark(long calls, long messages, long busyNanos, long nanos) {}

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    boolean timed = method.getName().startsWith("apply") && args != null && args.length == 1
        && args[0] instanceof List<?>;
    long start = System.nanoTime();
    try {
      return method.invoke(store, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      if (timed) {
        long took = System.nanoTime() - start;
        busyNanos.addAndGet(took);
        transactionMicros.recordValue(TimeUnit.NANOSECONDS.toMicros(took));
        calls.incrementAndGet();
        messages.addAndGet(((List<?>) args[0]).size());
      }
    }
  }
}
