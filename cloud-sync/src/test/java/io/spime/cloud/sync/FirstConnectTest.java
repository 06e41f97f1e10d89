package io.spime.cloud.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.spime.testkit.TcpProxy;
import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.AssetId;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The ingest's first connect: retried while the broker is away, given up with a clear error after
 * the window, and not stalled by a resumed session's queued messages.
 */
class FirstConnectTest {
  @TempDir Path dir;

  @Test
  void an_ingest_started_before_its_broker_connects_once_the_broker_appears() throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger firstConnect = (Logger) LoggerFactory.getLogger("io.spime.cloud.sync.internal.FirstConnect");
    log.start();
    firstConnect.addAppender(log);
    AssetId vin = TestVins.random();
    int brokerPort = URI.create(TestBrokers.embeddedUrl()).getPort();
    try (TcpProxy proxy = new TcpProxy(brokerPort);
        TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(proxy.url(), store).firstConnectTimeout(Duration.ofSeconds(60)).build()) {
      proxy.mode(TcpProxy.Mode.CUT);
      CompletableFuture<Void> started = CompletableFuture.runAsync(ingest::start);
      await().atMost(Duration.ofSeconds(30))
          .until(() -> log.list.stream().anyMatch(e -> e.getFormattedMessage().contains("cannot connect")));
      assertTrue(!started.isDone(), "start() waits while the broker is away");
      proxy.mode(TcpProxy.Mode.FORWARD);
      started.get(60, TimeUnit.SECONDS);
      assertTrue(ingest.isConnected());
      try (FakeCar car = new FakeCar(proxy.url(), vin)) {
        car.telemetry(1, System.currentTimeMillis(), 30);
        await().atMost(Duration.ofSeconds(30)).until(() -> car.highestAck() == 1);
      }
    } finally {
      firstConnect.detachAppender(log);
    }
  }

  @Test
  void an_ingest_whose_broker_never_appears_fails_to_start_naming_the_broker() throws Exception {
    int brokerPort = URI.create(TestBrokers.embeddedUrl()).getPort();
    try (TcpProxy proxy = new TcpProxy(brokerPort);
        TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(proxy.url(), store).firstConnectTimeout(Duration.ofSeconds(2)).build()) {
      proxy.mode(TcpProxy.Mode.CUT);
      FirstConnectException error = assertThrows(FirstConnectException.class, ingest::start);
      assertTrue(error.getMessage().contains(proxy.url()), error.getMessage());
      assertTrue(error.brokerUrl().equals(proxy.url()));
    }
  }

  @Test
  void a_member_resuming_a_session_with_more_queued_than_its_queue_holds_comes_up_and_takes_it_all()
      throws Exception {
    String group = "resume-" + System.nanoTime();
    AssetId vin = TestVins.random();
    int queued = 200;
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"))) {
      try (FleetIngest first = FleetIngest.builder(TestBrokers.embeddedUrl(), store)
          .shareGroup(group).member("m1").build()) {
        first.start();
      }
      try (FakeCar car = new FakeCar(TestBrokers.embeddedUrl(), vin)) {
        long time = System.currentTimeMillis();
        for (int seq = 1; seq <= queued; seq++) {
          car.telemetry(seq, time + seq * 1_000L, 30);
        }
        try (FleetIngest resumed = FleetIngest.builder(TestBrokers.embeddedUrl(), store)
            .shareGroup(group).member("m1").queueCapacity(2)
            .firstConnectTimeout(Duration.ofSeconds(20)).build()) {
          resumed.start();
          await().atMost(Duration.ofSeconds(60)).until(() -> car.highestAck() == queued);
          assertTrue(resumed.isConnected());
          assertEquals(queued * 3L, store.samplesApplied(vin));
        }
      }
    }
  }
}
