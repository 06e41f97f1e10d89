package io.spime.agent.internal;

import io.spime.agent.AgentClosedException;
import io.spime.agent.AgentFatalErrorHandler;
import io.spime.agent.OutboxException;
import io.spime.wire.AssetId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first unexpected error of any thread of the agent, which ends it: logged at ERROR with its
 * cause, then, on a thread of its own, the agent stops (no more samples, link and outbox closed)
 * and the fatal handler is told. Later errors (often consequences of the first) are logged and
 * otherwise ignored. Disk trouble ({@link OutboxException}) and a closing agent are expected, not
 * fatal: they are logged and the agent goes on.
 */
final class AgentFailure {
  private static final Logger LOG = LoggerFactory.getLogger(AgentFailure.class);

  private final AssetId vin;
  private final AgentFatalErrorHandler handler;
  private final AtomicReference<Throwable> cause = new AtomicReference<>();
  private volatile Runnable stop = () -> { };

  AgentFailure(AssetId vin, AgentFatalErrorHandler handler) {
    this.vin = vin;
    this.handler = handler;
  }

  /** What stops the agent; runs before the handler. */
  void stopWith(Runnable stopAgent) {
    this.stop = stopAgent;
  }

  Optional<Throwable> cause() {
    return Optional.ofNullable(cause.get());
  }

  /** Handles what a task of {@code thread} threw: logs an expected failure, ends the agent on any other. */
  void thrown(String thread, Throwable error) {
    if (error instanceof OutboxException || error instanceof AgentClosedException) {
      LOG.error("agent {}: {} failed; it is retried: {}", vin, thread, error.getMessage());
    } else {
      fail(thread, error);
    }
  }

  /** Ends the agent because {@code thread} failed with {@code error}. */
  void fail(String thread, Throwable error) {
    if (!cause.compareAndSet(null, error)) {
      LOG.error("agent {}: {} failed too, after the agent had failed", vin, thread, error);
      return;
    }
    LOG.error("agent {} failed in {}: it stops taking samples and closes its link and outbox; "
        + "what it accepted stays on disk for the next start", vin, thread, error);
    Thread ending = new Thread(this::end, "spime-agent-fatal");
    try {
      ending.start();
    } catch (Throwable startFailed) {
      end(); // no thread to spare (out of memory or of native threads): end on this one
    }
  }

  /** {@code task}, with anything it throws handled as a failure of {@code thread}. */
  Runnable guard(String thread, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (Throwable e) {
        thrown(thread, e);
      }
    };
  }

  private void end() {
    try {
      stop.run();
    } catch (Throwable e) {
      LOG.error("agent {}: stopping after the failure failed as well", vin, e);
    } finally {
      handler.onFatalError(cause.get());
    }
  }
}
