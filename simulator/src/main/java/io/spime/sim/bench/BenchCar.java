package io.spime.sim.bench;

import io.spime.agent.EdgeAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One benchmark car: a real agent and the values it records, ticked by one thread. */
final class BenchCar {
  private static final Logger LOG = LoggerFactory.getLogger(BenchCar.class);

  private final EdgeAgent agent;
  private final BenchSignals signals;
  private volatile long recorded;
  private volatile long failed;

  BenchCar(EdgeAgent agent, BenchSignals signals) {
    this.agent = agent;
    this.signals = signals;
  }

  EdgeAgent agent() {
    return agent;
  }

  /** Records one sample of every signal at {@code nowMillis}. */
  void tick(long nowMillis) {
    long ok = 0;
    for (int i = 0; i < signals.size(); i++) {
      try {
        agent.record(signals.id(i), nowMillis, signals.next(i));
        ok++;
      } catch (RuntimeException e) {
        if (failed == 0) {
          LOG.warn("agent of {} threw on record: {}", agent.vin(), e.toString());
        }
        failed++;
      }
    }
    recorded += ok;
  }

  /** Calls of {@code record} that returned normally (the agent may still have refused some). */
  long recorded() {
    return recorded;
  }

  /** Calls of {@code record} that threw. */
  long failed() {
    return failed;
  }
}
