package io.spime.cloud.sync.internal;

import io.spime.twin.exceptions.TwinStoreException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a store operation that failed in a way that may pass — the file locked longer than the
 * busy timeout by another ingest process, a lost database connection — a bounded number of times,
 * 100 ms doubling, before the caller gives the group up. Only a plain {@link TwinStoreException}
 * is retried: its subclasses (a damaged, vanished or foreign store, an unknown schema) will not pass.
 * Nothing of a failed attempt was acked or kept, so an attempt repeats the whole group.
 */
final class StoreRetry {
  private static final Logger LOG = LoggerFactory.getLogger(StoreRetry.class);
  static final int ATTEMPTS = 5;
  private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

  private final Sleeper sleeper;

  /** How the retry waits; the ingest stops waiting when its thread is interrupted. */
  interface Sleeper {
    void sleep(Duration pause) throws InterruptedException;
  }

  StoreRetry() {
    this(pause -> Thread.sleep(pause.toMillis()));
  }

  StoreRetry(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  /**
   * The operation's result, after up to {@link #ATTEMPTS} attempts.
   *
   * @throws TwinStoreException of the last attempt, or at once for a failure that will not pass
   */
  <T> T call(String doing, Supplier<T> operation) {
    Duration pause = FIRST_PAUSE;
    for (int attempt = 1; ; attempt++) {
      try {
        return operation.get();
      } catch (TwinStoreException e) {
        if (e.getClass() != TwinStoreException.class || attempt == ATTEMPTS) {
          throw e;
        }
        if (attempt == 1) {
          LOG.warn("store failed while {}; retrying (up to {} attempts): {}", doing, ATTEMPTS, e.getMessage());
        }
        try {
          sleeper.sleep(pause);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        pause = pause.multipliedBy(2);
      }
    }
  }
}
