package io.spime.cloud.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spime.twin.exceptions.CorruptStoreException;
import io.spime.twin.exceptions.TwinStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreRetryTest {
  private final List<Duration> pauses = new ArrayList<>();
  private final StoreRetry retry = new StoreRetry(pauses::add);

  @Test
  void a_failure_that_passes_is_retried_with_growing_pauses() {
    AtomicInteger calls = new AtomicInteger();
    String result = retry.call("testing", () -> {
      if (calls.incrementAndGet() < 3) {
        throw new TwinStoreException("locked");
      }
      return "stored";
    });
    assertEquals("stored", result);
    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), pauses);
  }

  @Test
  void gives_up_after_the_last_attempt_with_its_failure() {
    AtomicInteger calls = new AtomicInteger();
    TwinStoreException e = assertThrows(TwinStoreException.class,
        () -> retry.call("testing", () -> {
          throw new TwinStoreException("locked " + calls.incrementAndGet());
        }));
    assertEquals(StoreRetry.ATTEMPTS, calls.get());
    assertEquals("locked " + StoreRetry.ATTEMPTS, e.getMessage());
  }

  @Test
  void a_damaged_store_is_not_retried() {
    AtomicInteger calls = new AtomicInteger();
    assertThrows(CorruptStoreException.class, () -> retry.call("testing", () -> {
      calls.incrementAndGet();
      throw new CorruptStoreException("damaged", new RuntimeException());
    }));
    assertEquals(1, calls.get());
    assertEquals(List.of(), pauses);
  }
}
