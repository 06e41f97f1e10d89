package io.spime.wire.internal;

import io.spime.proto.v1.SignalSeries;
import io.spime.wire.MalformedPayloadException;
import io.spime.wire.StreamPosition;
import io.spime.wire.UnsupportedCatalogException;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import io.spime.wire.catalog.SignalType;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses and fully checks a {@code TelemetryBatch} protobuf. */
public final class TelemetryDecoder {
  /** The most steps of its resolution a value may take, as the encoder allows (2^53). */
  private static final long MAX_STEPS = (long) Quantizer.MAX_STEPS;
  private static final SignalValue TRUE = new SignalValue.Bool(true);
  private static final SignalValue FALSE = new SignalValue.Bool(false);

  private TelemetryDecoder() {}

  /** Decodes a payload of at most {@code limit} bytes, within its decode budget. */
  public static TelemetryBatch decode(byte[] payload, int limit, SignalCatalog catalog) {
    io.spime.proto.v1.TelemetryBatch proto = Parsing.parse(
        payload, "telemetry", limit, io.spime.proto.v1.TelemetryBatch.getDefaultInstance());
    AssetId vin = AssetId.parseLenient(proto.getVin());
    // Catalogs only grow (a version adds ids, never changes one), so this side reads every version
    // up to its own; a newer one may hold ids it cannot know.
    int version = proto.getCatalogVersion();
    if (version < 1 || version > catalog.version()) {
      throw new UnsupportedCatalogException(
          "telemetry batch of " + vin + " uses signal catalog v" + Integer.toUnsignedString(version)
              + ", this side reads v1 to v" + catalog.version());
    }
    StreamPosition position = Positions.of(proto.getSequence(), "telemetry batch of " + vin);
    // Declared count is unsigned and untrusted: never size anything by it.
    long declared = Integer.toUnsignedLong(proto.getSampleCount());
    List<Sample> samples = new ArrayList<>(valueCount(proto));
    Set<Integer> seen = new HashSet<>();
    for (SignalSeries series : proto.getSeriesList()) {
      SignalDefinition signal = catalog.require(series.getSignalId());
      if (!seen.add(signal.id())) {
        throw malformed(signal, "appears in more than one series");
      }
      addSeries(samples, series, signal, proto.getBaseTimeMs());
    }
    if (samples.isEmpty() || samples.size() != declared) {
      throw new MalformedPayloadException(
          "telemetry batch " + position.seq() + " of " + vin + " declares " + declared
              + " samples but holds " + samples.size() + " (truncated or empty)");
    }
    return new TelemetryBatch(vin, position, proto.getCatalogVersion(), samples);
  }

  private static void addSeries(
      List<Sample> out, SignalSeries series, SignalDefinition signal, long base) {
    int count = valueCount(series, signal);
    if (count == 0) {
      throw malformed(signal, "has no values");
    }
    long interval = Integer.toUnsignedLong(series.getIntervalMs());
    boolean grid = interval > 0;
    if (grid && series.getTimeDeltasMsCount() > 0) {
      throw malformed(signal, "has both a fixed interval and time deltas");
    }
    if (!grid && series.getTimeDeltasMsCount() != count - 1) {
      throw malformed(
          signal, "has " + count + " values but " + series.getTimeDeltasMsCount() + " time deltas");
    }
    // Read once per series, not per value: type() parses the VSS datatype on every call.
    boolean isScaled = signal.isScaled();
    SignalType type = signal.type();
    try {
      long time = Math.addExact(base, series.getFirstOffsetMs());
      long scaled = 0;
      for (int i = 0; i < count; i++) {
        if (i > 0) {
          time = Math.addExact(time, grid ? interval : series.getTimeDeltasMs(i - 1));
        }
        SignalValue value;
        if (isScaled) {
          scaled = Math.addExact(scaled, series.getScaledDeltas(i));
          if (scaled > MAX_STEPS || scaled < -MAX_STEPS) {
            throw malformed(signal, "has a value of " + scaled + " steps of " + signal.scale()
                + ", beyond the 2^53 steps a value may take");
          }
          value = finite(signal, Quantizer.fromSteps(signal, scaled));
        } else {
          value = switch (type) {
            case FLOAT, INTEGER -> finite(signal, series.getDoubles(i));
            case BOOLEAN -> series.getBools(i) ? TRUE : FALSE;
            case STRING -> new SignalValue.Text(series.getStrings(i));
          };
        }
        out.add(new Sample(signal.id(), time, value));
      }
    } catch (ArithmeticException e) {
      throw malformed(signal, "has times or values beyond the range of a 64-bit integer");
    }
  }

  /** Values in all columns of all series, parsed already: what the sample list is sized by. */
  private static int valueCount(io.spime.proto.v1.TelemetryBatch proto) {
    long count = 0;
    for (SignalSeries series : proto.getSeriesList()) {
      count += (long) series.getScaledDeltasCount() + series.getDoublesCount()
          + series.getBoolsCount() + series.getStringsCount();
    }
    return (int) Math.min(count, Integer.MAX_VALUE - 8);
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
      throw malformed(signal, "carries values in a column that does not fit " + signal.vssDatatype()
          + (signal.isScaled() ? " at resolution " + signal.scale() : ""));
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
