package io.spime.wire.internal;

import io.spime.proto.v1.Sequence;
import io.spime.proto.v1.SignalSeries;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a batch into the columnar {@code TelemetryBatch} protobuf. */
public final class TelemetryEncoder {
  private TelemetryEncoder() {}

  public static byte[] encode(TelemetryBatch batch, SignalCatalog catalog) {
    return builder(batch.vin(), batch.catalogVersion(), batch.samples(), catalog)
        .setSequence(
            Sequence.newBuilder()
                .setStreamId(batch.position().streamId())
                .setSeq(batch.position().seq())
                .setBootId(batch.position().bootId()))
        .build()
        .toByteArray();
  }

  /** The batch without its sequence (an outbox body). */
  public static byte[] encodeBody(AssetId vin, List<Sample> samples, SignalCatalog catalog) {
    return builder(vin, catalog.version(), samples, catalog).build().toByteArray();
  }

  private static io.spime.proto.v1.TelemetryBatch.Builder builder(
      AssetId vin, int catalogVersion, List<Sample> samples, SignalCatalog catalog) {
    Map<Integer, List<Sample>> bySignal = new LinkedHashMap<>();
    long base = Long.MAX_VALUE;
    for (Sample sample : samples) {
      bySignal.computeIfAbsent(sample.signalId(), id -> new ArrayList<>()).add(sample);
      base = Math.min(base, sample.timeMillis());
    }
    io.spime.proto.v1.TelemetryBatch.Builder out =
        io.spime.proto.v1.TelemetryBatch.newBuilder()
            .setVin(vin.value())
            .setCatalogVersion(catalogVersion)
            .setBaseTimeMs(base)
            .setSampleCount(samples.size());
    for (Map.Entry<Integer, List<Sample>> entry : bySignal.entrySet()) {
      out.addSeries(series(catalog.require(entry.getKey()), entry.getValue(), base));
    }
    return out;
  }

  private static SignalSeries series(SignalDefinition signal, List<Sample> samples, long base) {
    SignalSeries.Builder series =
        SignalSeries.newBuilder()
            .setSignalId(signal.id())
            .setFirstOffsetMs(span(base, samples.get(0).timeMillis()));
    addTimes(series, samples);
    long previous = 0;
    for (Sample sample : samples) {
      SignalValue value = sample.value();
      if (!value.fits(signal.type())) {
        throw new IllegalArgumentException(
            signal.path() + " is " + signal.vssDatatype() + " but a sample holds " + value);
      }
      if (value instanceof SignalValue.Number number && signal.isScaled()) {
        long scaled = Quantizer.toSteps(signal, number.value());
        series.addScaledDeltas(scaled - previous);
        previous = scaled;
      } else if (value instanceof SignalValue.Number number) {
        series.addDoubles(number.value());
      } else if (value instanceof SignalValue.Bool bool) {
        series.addBools(bool.value());
      } else {
        series.addStrings(((SignalValue.Text) value).value());
      }
    }
    return series.build();
  }

  private static void addTimes(SignalSeries.Builder series, List<Sample> samples) {
    if (samples.size() < 2) {
      return;
    }
    long interval = span(samples.get(0).timeMillis(), samples.get(1).timeMillis());
    boolean grid = interval > 0 && interval <= Integer.MAX_VALUE;
    for (int i = 2; grid && i < samples.size(); i++) {
      grid = span(samples.get(i - 1).timeMillis(), samples.get(i).timeMillis()) == interval;
    }
    if (grid) {
      series.setIntervalMs((int) interval);
      return;
    }
    for (int i = 1; i < samples.size(); i++) {
      series.addTimeDeltasMs(span(samples.get(i - 1).timeMillis(), samples.get(i).timeMillis()));
    }
  }

  private static long span(long from, long to) {
    try {
      return Math.subtractExact(to, from);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "sample times " + from + " and " + to + " are too far apart for one batch", e);
    }
  }
}
