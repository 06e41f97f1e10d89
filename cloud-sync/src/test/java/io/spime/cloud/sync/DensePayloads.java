package io.spime.cloud.sync;

import io.spime.proto.v1.Sequence;
import io.spime.proto.v1.SignalSeries;
import io.spime.proto.v1.TelemetryBatch;
import io.spime.wire.AssetId;
import java.util.Collections;

/** Telemetry that is small on the wire and huge once decoded: what the decode budget refuses. */
final class DensePayloads {
  /** Vehicle.IsMoving, a boolean signal: one byte of payload per sample on a fixed grid. */
  private static final int BOOLEAN_SIGNAL = 3;

  private DensePayloads() {}

  /** A valid batch of about {@code bytes}, one boolean sample per byte (1 MiB: ~77 MB decoded). */
  static byte[] booleans(AssetId vin, long stream, long seq, long time, int bytes) {
    int samples = bytes - 128;
    SignalSeries series = SignalSeries.newBuilder().setSignalId(BOOLEAN_SIGNAL).setIntervalMs(1)
        .addAllBools(Collections.nCopies(samples, Boolean.TRUE)).build();
    return TelemetryBatch.newBuilder().setVin(vin.value())
        .setSequence(Sequence.newBuilder().setStreamId(stream).setSeq(seq).setBootId(5))
        .setCatalogVersion(1).setBaseTimeMs(time).addSeries(series).setSampleCount(samples)
        .build().toByteArray();
  }
}
