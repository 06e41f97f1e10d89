package io.spime.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void the_ceiling_doubles_from_initial_up_to_the_cap_without_overflow() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
    assertEquals(100, backoff.ceilingMillis(0));
    assertEquals(200, backoff.ceilingMillis(1));
    assertEquals(3_200, backoff.ceilingMillis(5));
    assertEquals(5_000, backoff.ceilingMillis(6));
    assertEquals(5_000, backoff.ceilingMillis(1_000));
  }

  @Test
  void delays_are_full_jitter_below_the_ceiling_and_reset_starts_over() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
    long largest = 0;
    for (int attempt = 0; attempt < 40; attempt++) {
      long delay = backoff.nextDelayMillis();
      assertTrue(delay >= 0 && delay <= backoff.ceilingMillis(attempt),
          "attempt " + attempt + ": " + delay);
      largest = Math.max(largest, delay);
    }
    assertTrue(largest > 100, "later attempts wait longer than the first ceiling: " + largest);
    backoff.reset();
    for (int i = 0; i < 100; i++) {
      assertTrue(backoff.nextDelayMillis() <= 100);
      backoff.reset();
    }
  }
}
