package io.spime.wire;

import static io.spime.wire.Fixtures.CATALOG;
import static io.spime.wire.Fixtures.POSITION;
import static io.spime.wire.Fixtures.T0;
import static io.spime.wire.Fixtures.VIN;
import static io.spime.wire.Fixtures.bySignal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.spime.wire.catalog.SignalDefinition;
import io.spime.wire.catalog.SignalType;
import io.spime.wire.sparkplug.Payload;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import io.spime.wire.telemetry.TelemetryCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes per sample on the wire for one realistic trace (see {@link DrivingTrace}: 50 signals × 10 Hz
 * × 10 s = 5,000 samples), in wire protocol v1 and in two encodings a user might pick instead. Size
 * only, never time; the figures go to this class's log and into docs/benchmarks.md ("Wire cost").
 */
class WireCostTest {
  private static final Logger LOG = LoggerFactory.getLogger(WireCostTest.class);
  private static final TelemetryCodec CODEC = new TelemetryCodec(CATALOG);
  private static final int SAMPLES = 5000;

  private static List<Sample> onGrid;
  private static List<Sample> jittered;
  /** The trace as the cloud sees it: values at catalog resolution, so every encoding carries the same. */
  private static List<Sample> quantized;

  @BeforeAll
  static void buildTrace() {
    DrivingTrace trace = new DrivingTrace();
    assertEquals(50, trace.signalIds().size());
    onGrid = trace.samples(T0, 0);
    jittered = trace.samples(T0, 3);
    assertEquals(SAMPLES, onGrid.size());
    quantized = CODEC.decode(CODEC.encode(batch(onGrid))).samples();
  }

  @Test
  void wire_v1_costs_at_most_4_bytes_per_sample_on_the_trace() {
    int grid = CODEC.encode(batch(onGrid)).length;
    int jitter = CODEC.encode(batch(jittered)).length;
    int json = shadowJsonBytes(quantized);
    int sparkplug = sparkplugBytes(quantized);

    LOG.info("wire cost, 5000 samples (50 signals x 10 Hz x 10 s), bytes and bytes per sample:");
    LOG.info("  spime v1 columnar batch per 10 s, times on a 100 ms grid: {} B, {} B/sample", grid, per(grid));
    LOG.info("  spime v1 columnar batch per 10 s, times jittered +-3 ms:  {} B, {} B/sample", jitter, per(jitter));
    LOG.info("  AWS-shadow-style JSON, one document per 100 ms tick:      {} B, {} B/sample", json, per(json));
    LOG.info("  Sparkplug-B-style protobuf, aliases, one DDATA per 1 s:   {} B, {} B/sample", sparkplug, per(sparkplug));

    assertTrue(grid <= 4 * SAMPLES, "grid trace costs " + per(grid) + " B/sample");
    assertTrue(jitter <= 4 * SAMPLES, "jittered trace costs " + per(jitter) + " B/sample");
    assertTrue(grid < jitter && jitter < sparkplug && sparkplug < json,
        "expected grid < jitter < Sparkplug < JSON, got " + List.of(grid, jitter, sparkplug, json));
  }

  @Test
  void the_measured_batches_carry_the_whole_trace() {
    for (List<Sample> trace : List.of(onGrid, jittered)) {
      TelemetryBatch decoded = CODEC.decode(CODEC.encode(batch(trace)));

      assertEquals(SAMPLES, decoded.samples().size());
      Map<Integer, List<Sample>> sent = bySignal(trace);
      bySignal(decoded.samples()).forEach((id, samples) -> {
        List<Long> times = samples.stream().map(Sample::timeMillis).toList();
        assertEquals(sent.get(id).stream().map(Sample::timeMillis).toList(), times, "times of " + id);
      });
    }
  }

  private static TelemetryBatch batch(List<Sample> samples) {
    return new TelemetryBatch(VIN, POSITION, CATALOG.version(), samples);
  }

  private static String per(int bytes) {
    return String.format(java.util.Locale.ROOT, "%.2f", bytes / (double) SAMPLES);
  }

  /** {"state":{"reported":{"Vehicle.Speed":52.3,…}},"timestamp":…} per tick, VSS names as keys. */
  private static int shadowJsonBytes(List<Sample> samples) {
    int total = 0;
    JsonFactory factory = new JsonFactory();
    for (Map.Entry<Long, List<Sample>> tick : byTime(samples).entrySet()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (JsonGenerator json = factory.createGenerator(out)) {
        json.writeStartObject();
        json.writeObjectFieldStart("state");
        json.writeObjectFieldStart("reported");
        for (Sample sample : tick.getValue()) {
          SignalDefinition signal = CATALOG.require(sample.signalId());
          json.writeFieldName(signal.path());
          writeValue(json, signal, sample.value());
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeNumberField("timestamp", tick.getKey());
        json.writeEndObject();
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      total += out.size();
    }
    return total;
  }

  private static void writeValue(JsonGenerator json, SignalDefinition signal, SignalValue value)
      throws IOException {
    if (value instanceof SignalValue.Number number) {
      if (signal.type() == SignalType.INTEGER) {
        json.writeNumber((long) number.value());
      } else {
        json.writeNumber(number.value());
      }
    } else if (value instanceof SignalValue.Bool bool) {
      json.writeBoolean(bool.value());
    } else {
      json.writeString(((SignalValue.Text) value).value());
    }
  }

  /** One DDATA per second; each metric carries its alias, its own timestamp and a typed value. */
  private static int sparkplugBytes(List<Sample> samples) {
    int total = 0;
    Map<Long, List<Sample>> bySecond = new TreeMap<>();
    samples.forEach(s -> bySecond.computeIfAbsent((s.timeMillis() - T0) / 1000, k -> new ArrayList<>())
        .add(s));
    long seq = 0;
    for (List<Sample> second : bySecond.values()) {
      Payload.Builder payload = Payload.newBuilder()
          .setTimestamp(second.get(second.size() - 1).timeMillis())
          .setSeq(seq++ % 256);
      for (Sample sample : second) {
        SignalDefinition signal = CATALOG.require(sample.signalId());
        Payload.Metric.Builder metric = Payload.Metric.newBuilder()
            .setAlias(signal.id())
            .setTimestamp(sample.timeMillis());
        SignalValue value = sample.value();
        if (value instanceof SignalValue.Bool bool) {
          metric.setBooleanValue(bool.value());
        } else if (value instanceof SignalValue.Text text) {
          metric.setStringValue(text.value());
        } else if (signal.type() == SignalType.INTEGER) {
          metric.setIntValue((int) ((SignalValue.Number) value).value());
        } else if (signal.vssDatatype().equals("double")) {
          metric.setDoubleValue(((SignalValue.Number) value).value());
        } else {
          metric.setFloatValue((float) ((SignalValue.Number) value).value());
        }
        payload.addMetrics(metric);
      }
      total += payload.build().getSerializedSize();
    }
    return total;
  }

  private static Map<Long, List<Sample>> byTime(List<Sample> samples) {
    Map<Long, List<Sample>> byTime = new TreeMap<>();
    for (Sample sample : samples) {
      byTime.computeIfAbsent(sample.timeMillis(), t -> new ArrayList<>()).add(sample);
    }
    byTime.values().forEach(tick -> tick.sort(java.util.Comparator.comparingInt(Sample::signalId)));
    return byTime;
  }
}
