package io.spime.cloud.sync.internal;

import io.spime.cloud.sync.FirstConnectException;
import io.spime.mqtt.Backoff;
import io.spime.mqtt.TransportException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest's first connect: retried with back-off until it succeeds or {@code timeout} has passed,
 * so that a cloud process started together with its broker does not fail because it came up first.
 */
public final class FirstConnect {
  private static final Logger LOG = LoggerFactory.getLogger(FirstConnect.class);

  private FirstConnect() {}

  /**
   * Runs {@code attempt} until it returns.
   *
   * @throws FirstConnectException once {@code timeout} has passed without success (with a zero
   *     timeout, after the first failure)
   */
  public static void retry(Runnable attempt, String brokerUrl, Duration timeout) {
    Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    int attempts = 0;
    while (true) {
      attempts++;
      try {
        attempt.run();
        if (attempts > 1) {
          LOG.info("ingest connected to {} at attempt {}", brokerUrl, attempts);
        }
        return;
      } catch (TransportException e) {
        long delayMillis = backoff.nextDelayMillis();
        long now = System.nanoTime();
        if (now + TimeUnit.MILLISECONDS.toNanos(delayMillis) - deadline > 0) {
          throw new FirstConnectException(brokerUrl, Duration.ofNanos(now - start), attempts, e);
        }
        if (attempts == 1) {
          LOG.warn("ingest cannot connect to {} yet ({}); retrying for up to {} s", brokerUrl, e.getMessage(),
              timeout.toSeconds());
        } else {
          LOG.debug("ingest connect attempt {} to {} failed: {}", attempts, brokerUrl, e.getMessage());
        }
        try {
          Thread.sleep(delayMillis); // the caller's thread waits for the broker: start() blocks by contract
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new FirstConnectException(brokerUrl, Duration.ofNanos(System.nanoTime() - start), attempts, e);
        }
      }
    }
  }
}
