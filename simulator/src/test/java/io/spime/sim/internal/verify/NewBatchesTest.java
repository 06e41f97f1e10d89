package io.spime.sim.internal.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.wire.StreamPosition;
import io.spime.wire.AssetId;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewBatchesTest {
  private static final AssetId A = TestVins.withCheckDigit("WVWZZZ1K0AW000001");
  private static final AssetId B = TestVins.withCheckDigit("WVWZZZ1K0AW000002");

  private static TelemetryBatch batch(AssetId vin, long stream, long seq) {
    return new TelemetryBatch(vin, new StreamPosition(stream, seq, 1), 1,
        List.of(new Sample(1, 1_000L * seq, SignalValue.of(seq))));
  }

  @Test
  void a_batch_is_news_once_and_only_above_what_its_stream_has_shown() {
    NewBatches news = new NewBatches();
    assertTrue(news.isNew(batch(A, 1, 1)));
    assertFalse(news.isNew(batch(A, 1, 1)), "told again");
    assertTrue(news.isNew(batch(A, 1, 3)));
    assertFalse(news.isNew(batch(A, 1, 2)), "below the highest seen");
    assertTrue(news.isNew(batch(A, 2, 1)), "another stream of the same car");
    assertTrue(news.isNew(batch(B, 1, 1)), "another car");
  }
}
