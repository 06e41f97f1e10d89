package io.spime.cloud.sync.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InboundQueueTest {
  private static Inbound message(int bytes) {
    return new Inbound("spime/v1/x/telemetry", new byte[bytes], 1);
  }

  private static CompletableFuture<Boolean> putLater(InboundQueue queue, Inbound message) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return queue.put(message);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void a_put_waits_while_the_payload_bytes_would_pass_the_bound_and_goes_in_once_room_is_made()
      throws Exception {
    InboundQueue queue = new InboundQueue(100, 1000);
    assertTrue(queue.put(message(600)));
    assertTrue(queue.put(message(400)));

    CompletableFuture<Boolean> third = putLater(queue, message(1));
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !third.isDone());
    assertEquals(1000, queue.bytes());

    assertEquals(600, queue.poll(1, TimeUnit.SECONDS).payload().length);
    assertTrue(third.get(2, TimeUnit.SECONDS));
    assertEquals(401, queue.bytes());
    assertEquals(2, queue.size());
  }

  @Test
  void a_put_waits_while_the_message_count_is_at_its_bound() throws Exception {
    InboundQueue queue = new InboundQueue(2, 1000);
    queue.put(message(1));
    queue.put(message(1));

    CompletableFuture<Boolean> third = putLater(queue, message(1));
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !third.isDone());

    queue.poll();
    assertTrue(third.get(2, TimeUnit.SECONDS));
  }

  @Test
  void a_message_larger_than_the_bound_goes_in_when_the_queue_is_empty() throws Exception {
    InboundQueue queue = new InboundQueue(100, 1000);

    assertTrue(queue.put(message(5000)));
    CompletableFuture<Boolean> next = putLater(queue, message(1));
    await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !next.isDone());

    assertEquals(5000, queue.poll().payload().length);
    assertTrue(next.get(2, TimeUnit.SECONDS));
  }

  @Test
  void closing_drops_what_is_queued_releases_a_waiting_put_and_refuses_later_ones()
      throws Exception {
    InboundQueue queue = new InboundQueue(1, 1000);
    queue.put(message(10));
    CompletableFuture<Boolean> waiting = putLater(queue, message(10));
    await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());

    queue.close();

    assertFalse(waiting.get(2, TimeUnit.SECONDS));
    assertFalse(queue.put(message(10)));
    assertNull(queue.poll(10, TimeUnit.MILLISECONDS));
    assertEquals(0, queue.bytes());
  }
}
