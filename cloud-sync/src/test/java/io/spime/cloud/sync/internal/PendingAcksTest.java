package io.spime.cloud.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.wire.AssetId;
import io.spime.wire.session.Ack;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingAcksTest {
  private static final AssetId A = TestVins.withCheckDigit("WVWZZZ1K0AW000001");
  private static final AssetId B = TestVins.withCheckDigit("WVWZZZ1K0AW000002");

  private static Ack ack(AssetId vin, long stream, long seq) {
    return new Ack(vin, stream, seq, 1_000L + seq);
  }

  @Test
  void keeps_the_newest_ack_of_each_stream() {
    PendingAcks pending = new PendingAcks();
    pending.defer(ack(A, 1, 5));
    pending.defer(ack(A, 1, 7));
    pending.defer(ack(A, 1, 6));
    pending.defer(ack(A, 2, 3));
    pending.defer(ack(B, 1, 9));
    List<Ack> out = new ArrayList<>();
    assertEquals(3, pending.flush(out::add));
    assertEquals(List.of(ack(A, 1, 7), ack(A, 2, 3), ack(B, 1, 9)), out, "one per stream, oldest stream first");
    assertTrue(pending.isEmpty());
  }

  @Test
  void an_ack_sent_later_covers_a_kept_one_but_not_a_newer_one() {
    PendingAcks pending = new PendingAcks();
    pending.defer(ack(A, 1, 5));
    pending.defer(ack(B, 1, 8));
    pending.sent(ack(A, 1, 6));
    pending.sent(ack(B, 1, 7));
    List<Ack> out = new ArrayList<>();
    pending.flush(out::add);
    assertEquals(List.of(ack(B, 1, 8)), out, "A's 5 is covered by 6; B's 8 is not covered by 7");
  }

  @Test
  void flush_stops_at_the_first_refusal_and_keeps_the_rest_in_order() {
    PendingAcks pending = new PendingAcks();
    for (long stream = 1; stream <= 4; stream++) {
      pending.defer(ack(A, stream, 10));
    }
    List<Long> offered = new ArrayList<>();
    int sent = pending.flush(a -> {
      offered.add(a.streamId());
      return a.streamId() < 3;
    });
    assertEquals(2, sent);
    assertEquals(List.of(1L, 2L, 3L), offered, "nothing is offered after a refusal");
    List<Long> rest = new ArrayList<>();
    pending.flush(a -> rest.add(a.streamId()));
    assertEquals(List.of(3L, 4L), rest);
  }

  @Test
  void drops_the_oldest_stream_past_its_bound() {
    PendingAcks pending = new PendingAcks(2);
    pending.defer(ack(A, 1, 1));
    pending.defer(ack(A, 2, 1));
    pending.defer(ack(A, 1, 2));
    assertEquals(2, pending.size(), "a newer ack of a kept stream takes no new place");
    pending.defer(ack(A, 3, 1));
    assertEquals(2, pending.size());
    List<Long> streams = new ArrayList<>();
    pending.flush(a -> streams.add(a.streamId()));
    assertEquals(List.of(2L, 3L), streams, "stream 1, the oldest, was dropped; its car resends");
  }

  @Test
  void refuses_a_bound_below_one() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PendingAcks(0));
    assertEquals("maxStreams must be 1 or more, was 0", e.getMessage());
  }
}
