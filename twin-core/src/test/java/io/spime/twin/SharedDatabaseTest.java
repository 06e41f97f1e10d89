package io.spime.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spime.testkit.TestVins;
import io.spime.twin.ingest.UplinkApplyResult;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.wire.Vin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two store instances on one PostgreSQL database, as two ingest processes sharing it: the dedupe and
 * sequence checks are the database's, so a message both apply at once is applied by one and a
 * duplicate for the other, and nothing fails.
 */
class SharedDatabaseTest {
  private static final int CARS = 12;
  private static final int MESSAGES_PER_CAR = 40;
  private static final Instant T = Fixtures.T0.plusSeconds(86_400);

  private TestStore stores;

  @BeforeEach
  void create() {
    stores = TestStore.Kind.POSTGRES.create();
  }

  @AfterEach
  void delete() {
    if (stores != null) {
      stores.close();
    }
  }

  /** Round r holds message r of every car; {@code reversed}: the cars in the opposite order. */
  private static List<List<UplinkMessage>> rounds(List<Vin> cars, boolean reversed) {
    List<List<UplinkMessage>> rounds = new ArrayList<>();
    for (int seq = 1; seq <= MESSAGES_PER_CAR; seq++) {
      List<UplinkMessage> round = new ArrayList<>();
      for (Vin vin : cars) {
        round.add(seq % 4 == 0
            ? UplinkApplyTest.reported(vin, seq, T.plusSeconds(seq))
            : UplinkApplyTest.telemetry(vin, seq, T.toEpochMilli() + 1_000L * seq));
      }
      if (reversed) {
        java.util.Collections.reverse(round);
      }
      rounds.add(round);
    }
    return rounds;
  }

  @Test
  void two_stores_applying_the_same_messages_at_once_apply_each_exactly_once_and_neither_fails() throws Exception {
    List<Vin> cars = new ArrayList<>();
    for (int i = 0; i < CARS; i++) {
      cars.add(TestVins.numbered(7000 + i));
    }
    try (TwinStore a = stores.open(); TwinStore b = stores.open()) {
      for (Vin vin : cars) {
        a.append(vin, 0, Fixtures.deliveredCar(vin));
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      CyclicBarrier together = new CyclicBarrier(2);
      try {
        Future<List<UplinkApplyResult>> byA = pool.submit(ingest(a, rounds(cars, false), together));
        Future<List<UplinkApplyResult>> byB = pool.submit(ingest(b, rounds(cars, true), together));
        List<UplinkApplyResult> resultsA = byA.get(120, TimeUnit.SECONDS);
        List<UplinkApplyResult> resultsB = byB.get(120, TimeUnit.SECONDS);
        int applied = 0;
        int duplicates = 0;
        int gaps = 0;
        int appended = 0;
        for (int r = 0; r < MESSAGES_PER_CAR; r++) {
          UplinkApplyResult ra = resultsA.get(r);
          UplinkApplyResult rb = resultsB.get(r);
          assertEquals(CARS, ra.appliedMessages() + rb.appliedMessages(), "round " + r + ": each message applied once");
          applied += ra.appliedMessages() + rb.appliedMessages();
          duplicates += ra.duplicateMessages() + rb.duplicateMessages();
          gaps += ra.gapMessages() + rb.gapMessages();
          appended += ra.twinEventsAppended() + rb.twinEventsAppended();
        }
        assertEquals(CARS * MESSAGES_PER_CAR, applied);
        assertEquals(CARS * MESSAGES_PER_CAR, duplicates, "the loser of each message sees a duplicate");
        assertEquals(0, gaps);
        assertEquals(CARS * (MESSAGES_PER_CAR / 4), appended);
      } finally {
        pool.shutdownNow();
      }
      int telemetryPerCar = MESSAGES_PER_CAR - MESSAGES_PER_CAR / 4;
      for (Vin vin : cars) {
        assertEquals(telemetryPerCar, b.samplesApplied(vin), vin + ": every sample stored once");
        assertEquals(MESSAGES_PER_CAR, a.streamProgress(vin).orElseThrow().durableSeq());
        assertEquals(4 + MESSAGES_PER_CAR / 4, b.twin(vin).orElseThrow().revision(), vin + ": every report appended once");
        assertEquals(4 + MESSAGES_PER_CAR / 4, a.history(vin, 0, 1000).size());
      }
    }
  }

  private static Callable<List<UplinkApplyResult>> ingest(TwinStore store, List<List<UplinkMessage>> rounds,
      CyclicBarrier together) {
    return () -> {
      List<UplinkApplyResult> results = new ArrayList<>();
      for (List<UplinkMessage> round : rounds) {
        together.await(30, TimeUnit.SECONDS);
        results.add(store.applyUplink(round));
      }
      return results;
    };
  }
}
