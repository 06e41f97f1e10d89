package io.spime.cloud.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.twin.ingest.StreamProgress;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.wire.StreamPosition;
import io.spime.wire.AssetId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GapHoldTest {
  private static final AssetId VIN = TestVins.numbered(77);
  private final GapHold hold = new GapHold();
  private final Map<DurableNotifier.BatchKey, Long> received = new HashMap<>();

  private static UplinkMessage at(long seq) {
    return new UplinkMessage.Events(VIN, new StreamPosition(5, seq, 1), List.of(), List.of());
  }

  private static List<StreamProgress> durable(long seq) {
    return List.of(new StreamProgress(VIN, 5, seq));
  }

  @Test
  void a_message_ahead_is_held_and_comes_back_in_seq_order_with_the_next_group() {
    UplinkMessage third = at(3);
    GapHold.Settled first = hold.settle(hold.withHeld(List.of(third), received), durable(1), received, 0);
    assertEquals(0, first.givenUp());
    assertEquals(Set.of(new StreamKey(VIN, 5)), first.waiting(), "no ack while it waits");

    UplinkMessage second = at(2);
    List<UplinkMessage> next = hold.withHeld(List.of(second), received);
    assertEquals(List.of(second, third), next, "the held one after its predecessor");
    GapHold.Settled settled = hold.settle(next, durable(3), received, 1_000_000);
    assertEquals(new GapHold.Settled(0, Set.of()), settled);
    assertTrue(hold.isEmpty());
  }

  @Test
  void a_message_still_ahead_after_its_hold_is_given_up_and_its_stream_acked() {
    hold.settle(hold.withHeld(List.of(at(3)), received), durable(1), received, 0);
    List<UplinkMessage> again = hold.withHeld(List.of(), received);
    GapHold.Settled settled = hold.settle(again, durable(1), received, GapHold.HOLD.toNanos());

    assertEquals(new GapHold.Settled(1, Set.of()), settled);
    assertTrue(hold.isEmpty());
  }

  @Test
  void duplicates_and_applied_messages_are_not_held() {
    GapHold.Settled settled = hold.settle(List.of(at(1), at(2)), durable(2), received, 0);

    assertEquals(new GapHold.Settled(0, Set.of()), settled);
    assertTrue(hold.isEmpty());
  }
}
