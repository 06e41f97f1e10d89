package io.spime.cloud.sync.internal;

import java.time.Duration;

/** Ends the JVM: {@link System#exit}, then a halt if the shutdown hooks hang. */
public final class ProcessExit {
  private static final Duration HOOKS_GRACE = Duration.ofSeconds(30);

  private ProcessExit() {}

  /** Exits with {@code code}; halts with it if shutdown takes longer than 30 seconds. */
  public static void exit(int code) {
    Thread halt = new Thread(() -> {
      try {
        Thread.sleep(HOOKS_GRACE.toMillis());
      } catch (InterruptedException e) {
        // Interrupted during shutdown: halt at once rather than not at all.
      }
      Runtime.getRuntime().halt(code);
    }, "spime-ingest-halt");
    halt.setDaemon(true);
    halt.start();
    System.exit(code);
  }
}
