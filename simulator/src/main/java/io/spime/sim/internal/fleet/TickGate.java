package io.spime.sim.internal.fleet;

/**
 * Lets the cars' ticks run until {@link #close}, which waits for a tick in progress. A cancelled
 * repeating task's future does not wait for it, and a tick that records after the cars' last
 * samples leaves a car a last value older than its twin's.
 */
final class TickGate {
  private boolean closed;

  /** Runs {@code tick} unless the gate is closed. */
  synchronized void run(Runnable tick) {
    if (!closed) {
      tick.run();
    }
  }

  /** Closes the gate once a tick in progress has ended; no tick runs after this returns. */
  synchronized void close() {
    closed = true;
  }
}
