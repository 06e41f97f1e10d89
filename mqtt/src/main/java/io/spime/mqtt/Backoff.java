package io.spime.mqtt;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: the n-th retry waits a uniformly random time between 0 and
 * min(cap, initial * 2^n), so that a fleet reconnecting after a broker restart spreads out. Used by
 * the agent's and the ingest's reconnect loops; not thread-safe.
 */
public final class Backoff {
  private final long initialMillis;
  private final long capMillis;
  private int attempt;

  /** A backoff starting at {@code initial} (at least 1 ms) and never above {@code cap}. */
  public Backoff(Duration initial, Duration cap) {
    this.initialMillis = Math.max(1, initial.toMillis());
    this.capMillis = Math.max(initialMillis, cap.toMillis());
  }

  /** The delay before the next attempt; each call doubles the ceiling up to the cap. */
  public long nextDelayMillis() {
    long ceiling = ceilingMillis(attempt);
    if (attempt < 62) {
      attempt++;
    }
    return ThreadLocalRandom.current().nextLong(ceiling + 1);
  }

  /** The ceiling of the n-th delay (0-based). */
  public long ceilingMillis(int n) {
    if (n >= 62 || initialMillis > (capMillis >>> n)) {
      return capMillis;
    }
    return initialMillis << n;
  }

  /** Starts over from {@code initial}, after a successful attempt. */
  public void reset() {
    attempt = 0;
  }
}
