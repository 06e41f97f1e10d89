package io.spime.cloud.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spime.testkit.MosquittoProcess;
import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.AssetId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two ingest processes of one share group on one SQLite file; one is SIGKILLed while the cars send
 * and started again. Named, it resumes its session; unnamed, its session died with it. Either way
 * no dead session keeps a share of the fleet: every car's batches are acked and stored exactly once
 * within a bound, on the embedded broker and on Mosquitto ({@code SPIME_MQTT_URL}, else a Mosquitto
 * of the test's own, else that case is skipped). The cars resend from their oldest unacked batch
 * every 3 s (the agent: its 15 s ack timeout).
 */
class MemberCrashIT {
  private static final Logger LOG = LoggerFactory.getLogger(MemberCrashIT.class);
  private static final int CARS = 20;
  private static final int BATCHES = 10;
  private static final Duration RESEND = Duration.ofSeconds(3);
  private static final Duration BOUND = Duration.ofSeconds(60);
  @TempDir static Path mosquittoDir;
  private static MosquittoProcess ownMosquitto;

  @TempDir Path dir;

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String member : List.of("named", "unnamed")) {
      cases.add(Arguments.of("embedded", member));
      cases.add(Arguments.of("mosquitto", member));
    }
    return cases.stream();
  }

  @AfterAll
  static void stopMosquitto() {
    if (ownMosquitto != null) {
      ownMosquitto.close();
    }
  }

  @ParameterizedTest(name = "{0} broker, {1} member")
  @MethodSource("cases")
  void after_a_member_is_killed_and_restarted_every_batch_is_acked_and_stored_once(String broker, String naming)
      throws Exception {
    String url = url(broker);
    Path store = dir.resolve("twins.db");
    String group = "crash-" + System.nanoTime();
    String a = naming.equals("named") ? "a" : "-";
    String b = naming.equals("named") ? "b" : "-";
    try (TwinStore twins = TwinStores.sqlite(store)) { // created before the members share it
      IngestMember first = IngestMember.start(url, store, group, a, dir.resolve("a-1.log"));
      IngestMember second = IngestMember.start(url, store, group, b, dir.resolve("b-1.log"));
      List<FakeCar> cars = new ArrayList<>();
      try {
        for (int i = 0; i < CARS; i++) {
          cars.add(new FakeCar(url, TestVins.random()));
        }
        long base = System.currentTimeMillis();
        send(cars, 1, BATCHES / 2, base);
        first.killNine();
        send(cars, BATCHES / 2 + 1, BATCHES, base);
        long restarted = System.nanoTime();
        first = IngestMember.start(url, store, group, a, dir.resolve("a-2.log"));
        long restartMillis = (System.nanoTime() - restarted) / 1_000_000;
        long allAcked = awaitAllAcked(cars, base);
        LOG.info("{} broker, {} member: restarted in {} ms; every batch acked {} ms after the restart",
            broker, naming, restartMillis, allAcked - restartMillis);
        for (FakeCar car : cars) {
          assertEquals(3L * BATCHES, twins.samplesApplied(car.vin), "car " + car.vin + ": each batch once");
        }
      } finally {
        cars.forEach(FakeCar::close);
        first.killNine();
        second.killNine();
      }
    }
  }

  /** Resends every car's unacked batches every {@link #RESEND} until all are acked; ms it took. */
  private static long awaitAllAcked(List<FakeCar> cars, long base) {
    long start = System.nanoTime();
    await().atMost(BOUND).pollInterval(RESEND).until(() -> {
      Map<AssetId, Long> behind = new TreeMap<>(java.util.Comparator.comparing(AssetId::value));
      for (FakeCar car : cars) {
        if (car.highestAck() < BATCHES) {
          behind.put(car.vin, car.highestAck());
          send(List.of(car), car.highestAck() + 1, BATCHES, base);
        }
      }
      if (!behind.isEmpty()) {
        LOG.info("{} cars not acked to {} yet: {}", behind.size(), BATCHES, behind);
      }
      return behind.isEmpty();
    });
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void send(List<FakeCar> cars, long from, long to, long base) throws Exception {
    for (long seq = from; seq <= to; seq++) {
      for (FakeCar car : cars) {
        car.telemetry(seq, base + seq * 1000, seq);
      }
    }
  }

  private static String url(String broker) {
    if (broker.equals("embedded")) {
      return TestBrokers.embeddedUrl();
    }
    Optional<String> external = TestBrokers.external();
    if (external.isPresent()) {
      return external.get();
    }
    Assumptions.assumeTrue(MosquittoProcess.binary().isPresent(),
        "Mosquitto is not installed and SPIME_MQTT_URL is unset: the Mosquitto case is skipped");
    synchronized (MemberCrashIT.class) {
      if (ownMosquitto == null) {
        ownMosquitto = MosquittoProcess.start(mosquittoDir, "allow_anonymous true");
      }
    }
    return "tcp://127.0.0.1:" + ownMosquitto.port();
  }
}
