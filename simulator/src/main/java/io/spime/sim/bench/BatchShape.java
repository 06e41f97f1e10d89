package io.spime.sim.bench;

import io.spime.sim.internal.car.VinFactory;
import io.spime.wire.Priority;
import io.spime.wire.StreamPosition;
import io.spime.wire.AssetId;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import io.spime.wire.telemetry.TelemetryCodec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The telemetry payload a benchmark car sends per batch window, computed with the wire codec before
 * the run: what the broker loopback publishes, so both halves move messages of the same size. Tick
 * times are off the exact grid by up to 2 ms, as the recording thread's clock reads are, so the
 * codec delta-codes them as it does the run's batches.
 */
final class BatchShape {
  private static final long T0 = 1_795_000_000_000L;
  private static final int CARS = 16;
  private static final int MAX_JITTER_MILLIS = 2;

  private BatchShape() {}

  /** Bytes of the median payload for one batch window of this configuration. */
  static int payloadBytes(BenchConfig config) {
    TelemetryCodec codec = new TelemetryCodec(BenchSignals.catalog());
    int ticks = Math.max(1, config.samplesPerBatch() / config.signals());
    long periodMillis = Math.max(1, 1000L / config.rateHz());
    List<Integer> sizes = new ArrayList<>();
    for (int car = 0; car < CARS; car++) {
      BenchSignals signals = new BenchSignals(config.signals(), config.seed(), car);
      Random jitter = new Random(config.seed() * 31 + car);
      Map<Priority, List<Sample>> batches = new EnumMap<>(Priority.class);
      for (int tick = 0; tick < ticks; tick++) {
        long time = T0 + tick * periodMillis + jitter.nextInt(MAX_JITTER_MILLIS + 1);
        for (int i = 0; i < signals.size(); i++) {
          batches.computeIfAbsent(signals.priority(i), p -> new ArrayList<>())
              .add(new Sample(signals.id(i), time, SignalValue.of(signals.next(i))));
        }
      }
      AssetId vin = VinFactory.benchmarkVin(config.seed(), car);
      for (List<Sample> samples : batches.values()) {
        TelemetryBatch batch = new TelemetryBatch(
            vin, new StreamPosition(1, 1, 1), BenchSignals.catalog().version(), samples);
        sizes.add(codec.encode(batch).length);
      }
    }
    sizes.sort(null);
    return sizes.get(sizes.size() / 2);
  }
}
