package io.spime.wire;

import io.spime.proto.v1.EventBatch;
import io.spime.proto.v1.ReportedState;
import io.spime.proto.v1.Sequence;
import io.spime.proto.v1.SignalSeries;
import io.spime.proto.v1.TelemetryBatch;
import io.spime.proto.v1.VehicleEvent;
import java.util.Collections;

/**
 * Payloads that are small on the wire and large once decoded: the shapes a decoder's budget must
 * refuse. Each fills about {@code bytes} of payload with the cheapest element its message allows.
 */
final class AmplifiedPayloads {
  static final int BOOLEAN_SIGNAL = 3;
  static final int SCALED_SIGNAL = 1;
  static final int STRING_SIGNAL = 52;

  private AmplifiedPayloads() {}

  private static Sequence sequence() {
    return Sequence.newBuilder().setStreamId(7).setSeq(1).setBootId(9).build();
  }

  private static TelemetryBatch.Builder telemetry() {
    return TelemetryBatch.newBuilder().setVin(Fixtures.VIN.value()).setSequence(sequence())
        .setCatalogVersion(1).setBaseTimeMs(Fixtures.T0);
  }

  /** One boolean series on a 1 ms grid: one byte of payload per sample. */
  static byte[] booleans(int bytes) {
    int samples = bytes - 128;
    SignalSeries.Builder series = SignalSeries.newBuilder().setSignalId(BOOLEAN_SIGNAL).setIntervalMs(1);
    series.addAllBools(Collections.nCopies(samples, Boolean.TRUE));
    return telemetry().addSeries(series).setSampleCount(samples).build().toByteArray();
  }

  /** One scaled series whose value never changes: a zero delta, one byte, per sample. */
  static byte[] unchangedValues(int bytes) {
    int samples = bytes - 128;
    SignalSeries.Builder series = SignalSeries.newBuilder().setSignalId(SCALED_SIGNAL).setIntervalMs(1);
    series.addAllScaledDeltas(Collections.nCopies(samples, 0L));
    return telemetry().addSeries(series).setSampleCount(samples).build().toByteArray();
  }

  /** One series of empty texts: two bytes per sample, and a string object each. */
  static byte[] emptyTexts(int bytes) {
    int samples = (bytes - 128) / 2;
    SignalSeries.Builder series = SignalSeries.newBuilder().setSignalId(STRING_SIGNAL).setIntervalMs(1);
    series.addAllStrings(Collections.nCopies(samples, ""));
    return telemetry().addSeries(series).setSampleCount(samples).build().toByteArray();
  }

  /** As many of the smallest valid events as fit. */
  static byte[] tinyEvents(int bytes) {
    VehicleEvent event = VehicleEvent.newBuilder().setEventId("e").setTimeMs(1).setCategoryValue(1).build();
    int count = (bytes - 64) / (event.getSerializedSize() + 2);
    EventBatch.Builder batch = EventBatch.newBuilder().setVin(Fixtures.VIN.value()).setSequence(sequence());
    for (int i = 0; i < count; i++) {
      batch.addEvents(event);
    }
    return batch.setEventCount(count).build().toByteArray();
  }

  /** A report with as many one-letter software versions as fit (map entries). */
  static byte[] manySoftwareVersions(int bytes) {
    ReportedState.Builder report = ReportedState.newBuilder().setVin(Fixtures.VIN.value())
        .setSequence(sequence()).setTimeMs(Fixtures.T0);
    int entries = (bytes - 128) / 10;
    for (int i = 0; i < entries; i++) {
      report.putSoftwareVersions(Integer.toString(i, 36), "");
    }
    return report.build().toByteArray();
  }

  /** Unknown fields (number 15, varint 0) appended to a message, two bytes each, up to {@code bytes}. */
  static byte[] withUnknownFields(byte[] message, int bytes) {
    int fields = Math.max(0, (bytes - message.length) / 2);
    byte[] out = java.util.Arrays.copyOf(message, message.length + fields * 2);
    for (int i = message.length; i < out.length; i += 2) {
      out[i] = (byte) (15 << 3);
      out[i + 1] = 0;
    }
    return out;
  }
}
