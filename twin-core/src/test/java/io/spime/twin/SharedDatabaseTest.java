package io.spime.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spime.testkit.TestVins;
import io.spime.twin.custody.PartyId;
import io.spime.twin.customer.CustomerProfile;
import io.spime.twin.exceptions.CustomerConflictException;
import io.spime.twin.ingest.UplinkApplyResult;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * duplicate for the other, and nothing fails; a customer record both write at once goes to one, the
 * other gets the conflict.
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
  private static List<List<UplinkMessage>> rounds(List<AssetId> cars, boolean reversed) {
    List<List<UplinkMessage>> rounds = new ArrayList<>();
    for (int seq = 1; seq <= MESSAGES_PER_CAR; seq++) {
      List<UplinkMessage> round = new ArrayList<>();
      for (AssetId vin : cars) {
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
    List<AssetId> cars = new ArrayList<>();
    for (int i = 0; i < CARS; i++) {
      cars.add(TestVins.numbered(7000 + i));
    }
    try (TwinStore a = stores.open(); TwinStore b = stores.open()) {
      for (AssetId vin : cars) {
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
      for (AssetId vin : cars) {
        assertEquals(telemetryPerCar, b.samplesApplied(vin), vin + ": every sample stored once");
        assertEquals(MESSAGES_PER_CAR, a.streamProgress(vin).orElseThrow().durableSeq());
        assertEquals(4 + MESSAGES_PER_CAR / 4, b.twin(vin).orElseThrow().revision(), vin + ": every report appended once");
        assertEquals(4 + MESSAGES_PER_CAR / 4, a.history(vin, 0, 1000).size());
      }
    }
  }

  @Test
  void two_stores_writing_one_customer_at_once_give_one_the_write_and_the_other_a_conflict() throws Exception {
    int customers = 30;
    try (TwinStore a = stores.open(); TwinStore b = stores.open()) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      CyclicBarrier together = new CyclicBarrier(2);
      try {
        for (long expected = 0; expected <= 1; expected++) {
          Future<Integer> byA = pool.submit(putEach(a, customers, expected, "A", together));
          Future<Integer> byB = pool.submit(putEach(b, customers, expected, "B", together));
          assertEquals(customers, byA.get(120, TimeUnit.SECONDS) + byB.get(120, TimeUnit.SECONDS),
              "version " + expected + ": one writer of each customer wins, the other gets the conflict");
        }
      } finally {
        pool.shutdownNow();
      }
      for (int i = 0; i < customers; i++) {
        assertEquals(2, a.customer(PartyId.of("customer-" + i)).orElseThrow().version(), "created once, changed once");
      }
    }
  }

  /** Writes each customer at the expected version at the same moment as the other store; counts the wins. */
  private static Callable<Integer> putEach(TwinStore store, int customers, long expected, String name,
      CyclicBarrier together) {
    return () -> {
      int won = 0;
      for (int i = 0; i < customers; i++) {
        together.await(30, TimeUnit.SECONDS);
        try {
          store.putCustomer(PartyId.of("customer-" + i), expected, new CustomerProfile(name, Map.of(), Set.of()));
          won++;
        } catch (CustomerConflictException lost) {
          // the other store wrote this version first
        }
      }
      return won;
    };
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
