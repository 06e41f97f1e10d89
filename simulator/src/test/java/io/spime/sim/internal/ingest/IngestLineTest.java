package io.spime.sim.internal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spime.cloud.sync.IngestStats;
import io.spime.cloud.sync.RejectReason;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestLineTest {
  private static final IngestStats SOME = new IngestStats(100, 90, 900, 3, 7, 88, 2,
      Map.of(RejectReason.MALFORMED, 4L, RejectReason.STORE_FAILURE, 1L), 11, 5, 1, 2, 30, 6);

  @Test
  void a_status_line_carries_every_counter() {
    String line = IngestLine.status(SOME);
    String said = line.substring(IngestLine.PREFIX.length());

    assertEquals(SOME, IngestLine.parse(said));
  }

  @Test
  void the_lives_of_a_process_add_up_counter_by_counter() {
    IngestStats twice = IngestLine.plus(SOME, IngestLine.plus(IngestLine.zero(), SOME));

    assertEquals(200, twice.received());
    assertEquals(1800, twice.appliedSamples());
    assertEquals(14, twice.gapBatches());
    assertEquals(Map.of(RejectReason.MALFORMED, 8L, RejectReason.STORE_FAILURE, 2L), twice.rejected());
    assertEquals(12, twice.statuses());
  }
}
