package io.spime.twin.bench;

import io.spime.testkit.TestVins;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.wire.AssetId;
import io.spime.wire.StreamPosition;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups of telemetry messages as the ingest's sink hands them to the store: each message one car's
 * next batch of {@link #SIGNALS} signals × {@link #SAMPLES_PER_SIGNAL} samples (10 Hz for a second),
 * the cars taken in turn from a fleet, each car's stream seq and clock advancing.
 */
final class TelemetryGroups {
  static final int SIGNALS = 10;
  static final int SAMPLES_PER_SIGNAL = 10;
  private static final long STREAM = 1L;
  private static final long START_MS = 1_735_689_600_000L;

  private final AssetId[] vins;
  private final long[] seqs;
  private int next;

  TelemetryGroups(int cars) {
    vins = new AssetId[cars];
    seqs = new long[cars];
    for (int i = 0; i < cars; i++) {
      vins[i] = TestVins.numbered(i);
    }
  }

  /** The next {@code messages} messages, one car after another. */
  List<UplinkMessage> next(int messages) {
    List<UplinkMessage> group = new ArrayList<>(messages);
    for (int m = 0; m < messages; m++) {
      int car = next;
      next = (next + 1) % vins.length;
      long seq = ++seqs[car];
      long t0 = START_MS + seq * 1000L;
      List<Sample> samples = new ArrayList<>(SIGNALS * SAMPLES_PER_SIGNAL);
      for (int s = 0; s < SAMPLES_PER_SIGNAL; s++) {
        for (int signal = 1; signal <= SIGNALS; signal++) {
          samples.add(new Sample(signal, t0 + s * 100L, SignalValue.of(signal * 10.0 + (seq + s) % 7)));
        }
      }
      group.add(new UplinkMessage.Telemetry(new TelemetryBatch(vins[car], new StreamPosition(STREAM, seq, 9L), 1,
          samples)));
    }
    return group;
  }
}
