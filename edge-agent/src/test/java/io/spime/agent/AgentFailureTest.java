package io.spime.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.spime.proto.v1.Command;
import io.spime.proto.v1.FlushNow;
import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.wire.TopicKind;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.state.ConsentSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * An Error or unexpected exception on an agent thread stops the agent loudly instead of leaving a
 * zombie that takes samples it never seals or sends. The failure is provoked for real: a command
 * from the cloud whose listener (run on the agent's uplink thread) throws.
 */
class AgentFailureTest {
  private static final TestSigning SIGNING = new TestSigning("test-cloud");
  private static TestCloud cloud;

  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger agentLog = (Logger) LoggerFactory.getLogger("io.spime.agent");

  @BeforeAll
  static void startCloud() {
    cloud = new TestCloud(TestBrokers.embedded().url(), SignalCatalog.builtIn());
  }

  @AfterAll
  static void stopCloud() {
    cloud.close();
  }

  @BeforeEach
  void captureLog() {
    log.start();
    agentLog.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    agentLog.detachAppender(log);
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("an Error", (Supplier<Throwable>) () -> new OutOfMemoryError("simulated by the test")),
        Arguments.of("an unexpected exception",
            (Supplier<Throwable>) () -> new IllegalStateException("simulated by the test")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void a_failure_on_an_agent_thread_stops_the_agent_and_runs_the_fatal_handler(String what,
      Supplier<Throwable> failure) throws Exception {
    AssetId vin = TestVins.random();
    Throwable thrown = failure.get();
    CompletableFuture<Throwable> handled = new CompletableFuture<>();
    try (EdgeAgent agent = SIGNING.pin(EdgeAgent.builder(vin, TestBrokers.embedded().url(), dir))
        .consent(ConsentSet.all())
        .onFatalError(handled::complete)
        .build()) {
      agent.start();
      assertTrue(agent.isHealthy());
      agent.onCommand((command, outcome) -> {
        if (thrown instanceof Error error) {
          throw error;
        }
        throw (RuntimeException) thrown;
      });
      agent.record(2, 1_000L, 1);
      await().atMost(Duration.ofSeconds(15)).until(() -> agent.stats().connected());
      cloud.publish(vin, TopicKind.COMMAND, SIGNING.commandBody(vin, "boom", Command.newBuilder()
          .setVin(vin.value()).setCommandId("boom").setFlushNow(FlushNow.getDefaultInstance()).build()
          .toByteArray()));

      assertSame(thrown, handled.get(30, TimeUnit.SECONDS), "the handler got the cause");
      assertFalse(agent.isHealthy());
      assertSame(thrown, agent.failure().orElseThrow());
      AgentFailedException refused = assertThrows(AgentFailedException.class, () -> agent.record(2, 2_000L, 2));
      assertSame(thrown, refused.getCause());
      assertThrows(AgentFailedException.class, agent::flush);
      assertTrue(log.list.stream().anyMatch(e -> e.getLevel() == Level.ERROR
              && e.getFormattedMessage().contains("failed in the uplink")),
          "logged at ERROR");
      await().atMost(Duration.ofSeconds(15)).until(() -> !agent.stats().connected());
    }
    // It let go of the data directory: a new agent starts on it and finds the sample kept before.
    try (EdgeAgent again = EdgeAgent.builder(vin, TestBrokers.embedded().url(), dir)
        .consent(ConsentSet.all()).build()) {
      again.start();
      await().atMost(Duration.ofSeconds(15)).until(() -> cloud.samples(vin).size() >= 1);
      assertEquals(1_000L, cloud.samples(vin).get(0).timeMillis());
    }
    assertTrue(Files.exists(dir.resolve("outbox.db")));
  }
}
