package io.spime.wire.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.spime.proto.v1.SignalSeries;
import io.spime.wire.MalformedPayloadException;
import io.spime.wire.Sample;
import io.spime.wire.SignalCatalog;
import io.spime.wire.SignalDefinition;
import io.spime.wire.SignalValue;
import io.spime.wire.StreamPosition;
import io.spime.wire.TelemetryBatch;
import io.spime.wire.UnsupportedCatalogException;
import io.spime.wire.Vin;
import java.util.ArrayList;
import java.util.List;

/** Parses and fully checks a {@code TelemetryBatch} protobuf. */
public final class TelemetryDecoder {
  private TelemetryDecoder() {}

  public static TelemetryBatch decode(byte[] payload, SignalCatalog catalog) {
    io.spime.proto.v1.TelemetryBatch proto;
    try {
      proto = io.spime.proto.v1.TelemetryBatch.parseFrom(payload);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedPayloadException(
          "telemetry payload of " + payload.length + " bytes is not a valid TelemetryBatch: "
              + e.getMessage(), e);
    }
    Vin vin = Vin.parseLenient(proto.getVin());
    if (proto.getCatalogVersion() != catalog.version()) {
      throw new UnsupportedCatalogException(
          "telemetry batch of " + vin + " uses signal catalog v" + proto.getCatalogVersion()
              + ", this side has v" + catalog.version());
    }
    StreamPosition position = Positions.of(proto.getSequence(), "telemetry batch of " + vin);
    List<Sample> samples = new ArrayList<>(proto.getSampleCount());
    for (SignalSeries series : proto.getSeriesList()) {
      addSeries(samples, series, catalog.require(series.getSignalId()), proto.getBaseTimeMs());
    }
    if (samples.isEmpty() || samples.size() != proto.getSampleCount()) {
      throw new MalformedPayloadException(
          "telemetry batch " + position.seq() + " of " + vin + " declares "
              + proto.getSampleCount() + " samples but holds " + samples.size()
              + " (truncated or empty)");
    }
    return new TelemetryBatch(vin, position, proto.getCatalogVersion(), samples);
  }

  private static void addSeries(
      List<Sample> out, SignalSeries series, SignalDefinition signal, long base) {
    int count = valueCount(series, signal);
    if (count == 0) {
      throw malformed(signal, "has no values");
    }
    boolean grid = series.getIntervalMs() > 0;
    if (grid && series.getTimeDeltasMsCount() > 0) {
      throw malformed(signal, "has both a fixed interval and time deltas");
    }
    if (!grid && series.getTimeDeltasMsCount() != count - 1) {
      throw malformed(
          signal, "has " + count + " values but " + series.getTimeDeltasMsCount() + " time deltas");
    }
    long time = Math.addExact(base, series.getFirstOffsetMs());
    long scaled = 0;
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        time += grid ? series.getIntervalMs() : series.getTimeDeltasMs(i - 1);
      }
      SignalValue value;
      if (signal.isScaled()) {
        scaled += series.getScaledDeltas(i);
        value = new SignalValue.Number(scaled * signal.scale());
      } else {
        value = switch (signal.type()) {
          case FLOAT, INTEGER -> finite(signal, series.getDoubles(i));
          case BOOLEAN -> new SignalValue.Bool(series.getBools(i));
          case STRING -> new SignalValue.Text(series.getStrings(i));
        };
      }
      out.add(new Sample(signal.id(), time, value));
    }
  }

  private static int valueCount(SignalSeries series, SignalDefinition signal) {
    int scaled = series.getScaledDeltasCount();
    int doubles = series.getDoublesCount();
    int bools = series.getBoolsCount();
    int strings = series.getStringsCount();
    int expected;
    if (signal.isScaled()) {
      expected = scaled;
    } else {
      expected = switch (signal.type()) {
        case FLOAT, INTEGER -> doubles;
        case BOOLEAN -> bools;
        case STRING -> strings;
      };
    }
    if (scaled + doubles + bools + strings != expected) {
      throw malformed(signal, "carries values in a column that does not fit " + signal.vssDatatype());
    }
    return expected;
  }

  private static SignalValue finite(SignalDefinition signal, double value) {
    if (!Double.isFinite(value)) {
      throw malformed(signal, "holds the non-finite value " + value);
    }
    return new SignalValue.Number(value);
  }

  private static MalformedPayloadException malformed(SignalDefinition signal, String what) {
    return new MalformedPayloadException(
        "series of signal " + signal.id() + " (" + signal.path() + ") " + what);
  }
}
