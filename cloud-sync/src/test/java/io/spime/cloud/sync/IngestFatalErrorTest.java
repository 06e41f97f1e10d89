package io.spime.cloud.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.AssetId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/** An error the ingest cannot handle ends it loudly instead of leaving a process that never stores. */
class IngestFatalErrorTest {
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger failureLogger =
      (Logger) LoggerFactory.getLogger("io.spime.cloud.sync.internal.IngestFailure");

  @TempDir Path dir;

  static List<String> brokers() {
    return TestBrokers.all();
  }

  /** What the store throws once the test asks for it: an Error, as an OutOfMemoryError would be. */
  static final class InjectedError extends Error {
    private static final long serialVersionUID = 1L;

    InjectedError() {
      super("injected by the test");
    }
  }

  @BeforeEach
  void captureLog() {
    log.start();
    failureLogger.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    failureLogger.detachAppender(log);
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void an_error_in_the_apply_thread_reaches_the_fatal_handler_and_nothing_is_acked_after_it(
      String url) throws Exception {
    AssetId vin = TestVins.random();
    AtomicBoolean broken = new AtomicBoolean();
    CompletableFuture<Throwable> fatal = new CompletableFuture<>();
    try (TwinStore real = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, FaultyStore.around(real, group -> {
          if (broken.get()) {
            throw new InjectedError();
          }
        })).onFatalError(fatal::complete).build()) {
      ingest.start();
      try (FakeCar car = new FakeCar(url, vin)) {
        long now = System.currentTimeMillis();
        car.telemetry(1, now, 10);
        await().atMost(Duration.ofSeconds(15)).until(() -> car.highestAck() == 1);
        assertTrue(ingest.isHealthy());

        broken.set(true);
        car.telemetry(2, now + 1000, 11);

        Throwable cause = fatal.get(15, TimeUnit.SECONDS);
        assertTrue(cause instanceof InjectedError, cause.toString());
        assertFalse(ingest.isHealthy());
        assertSame(cause, ingest.failure().orElseThrow());
        ILoggingEvent error = log.list.get(0);
        assertEquals(Level.ERROR, error.getLevel());
        assertEquals("spime ingest failed in the apply thread; it stops taking messages and acks "
            + "nothing more", error.getFormattedMessage());
        assertEquals(InjectedError.class.getName(), error.getThrowableProxy().getClassName());

        broken.set(false);
        car.telemetry(3, now + 2000, 12);
        car.telemetry(2, now + 1000, 11);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
            .until(() -> car.highestAck() == 1);
        assertEquals(3, real.samplesApplied(vin), "only the batch before the error is stored");
        assertFalse(ingest.isConnected(), "the ingest leaves the broker, so others take its share");
      }
    }
  }
}
