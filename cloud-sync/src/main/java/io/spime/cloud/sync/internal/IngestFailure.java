package io.spime.cloud.sync.internal;

import io.spime.cloud.sync.FatalErrorHandler;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first unexpected error of any thread of the ingest, which ends it: logged at ERROR with its
 * cause, then, on a thread of its own, the ingest stops taking messages and the fatal handler is
 * told. Later errors (often consequences of the first) are logged and otherwise ignored.
 */
final class IngestFailure {
  private static final Logger LOG = LoggerFactory.getLogger(IngestFailure.class);

  private final AtomicReference<Throwable> cause = new AtomicReference<>();
  private final FatalErrorHandler handler;
  private final Runnable stop;

  /** {@code stop} makes the ingest stop taking messages; it runs before the handler. */
  IngestFailure(FatalErrorHandler handler, Runnable stop) {
    this.handler = handler;
    this.stop = stop;
  }

  boolean happened() {
    return cause.get() != null;
  }

  Optional<Throwable> cause() {
    return Optional.ofNullable(cause.get());
  }

  /** Ends the ingest because {@code thread} failed with {@code error}. */
  void fail(String thread, Throwable error) {
    if (!cause.compareAndSet(null, error)) {
      LOG.error("spime ingest: {} failed too, after the ingest had failed", thread, error);
      return;
    }
    LOG.error("spime ingest failed in {}; it stops taking messages and acks nothing more", thread,
        error);
    Thread ending = new Thread(this::end, "spime-ingest-fatal");
    try {
      ending.start();
    } catch (Throwable startFailed) {
      // No thread to spare (out of memory or of native threads): end on this one.
      end();
    }
  }

  /** {@code task}, with anything it throws ending the ingest as a failure of {@code thread}. */
  Runnable guard(String thread, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (Throwable e) {
        fail(thread, e);
      }
    };
  }

  private void end() {
    Throwable error = cause.get();
    try {
      stop.run();
    } catch (Throwable e) {
      LOG.error("spime ingest: stopping after the failure failed as well", e);
    } finally {
      handler.onFatalError(error);
    }
  }
}
