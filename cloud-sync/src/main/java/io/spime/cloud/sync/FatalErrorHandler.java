package io.spime.cloud.sync;

import io.spime.cloud.sync.internal.ProcessExit;

/**
 * What a {@link FleetIngest} does when one of its threads fails with something it cannot handle: an
 * {@link Error} such as {@link OutOfMemoryError}, or an unexpected exception. By the time the
 * handler runs, the ingest has logged the cause at ERROR, stopped taking messages and disconnected
 * from the broker; it acks nothing more, so the cars keep what it had not acked and send it again to
 * whichever ingest is up. {@link FleetIngest#isHealthy()} is false from then on.
 *
 * <p>The default, {@link #exitProcess()}, ends the process with {@link #EXIT_CODE}, so that a
 * supervisor (systemd, Kubernetes) starts a fresh one rather than keeping a process that receives
 * but never stores. A library user who supervises the ingest otherwise can set a handler of their
 * own with {@link FleetIngest.Builder#onFatalError}.
 */
@FunctionalInterface
public interface FatalErrorHandler {
  /** The exit code of {@link #exitProcess()}: 70, {@code EX_SOFTWARE} of BSD's sysexits.h. */
  int EXIT_CODE = 70;

  /** Called once, on a thread of its own, with the first unexpected error of the ingest. */
  void onFatalError(Throwable cause);

  /**
   * The default handler: ends the JVM with {@link #EXIT_CODE} through {@link System#exit}, and halts
   * it if its shutdown hooks have not finished within 30 seconds.
   */
  static FatalErrorHandler exitProcess() {
    return cause -> ProcessExit.exit(EXIT_CODE);
  }
}
