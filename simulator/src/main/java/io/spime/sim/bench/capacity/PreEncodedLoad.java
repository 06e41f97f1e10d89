package io.spime.sim.bench.capacity;

import io.spime.sim.bench.BenchSignals;
import io.spime.sim.internal.car.VinFactory;
import io.spime.wire.AssetId;
import io.spime.wire.Sequencing;
import io.spime.wire.StreamPosition;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The load's telemetry, encoded with the wire codec before the run: per VIN a few 1 s windows of
 * {@value CapacityConfig#SIGNALS} signals at {@value CapacityConfig#RATE_HZ} Hz, as bodies without
 * their sequence, as an agent's outbox keeps them. Publishing a batch adds its sequence ({@link
 * Sequencing#withSequence}): seq n of a VIN carries window (n - 1) mod {@link #windows()}.
 */
final class PreEncodedLoad {
  /** Most windows encoded per VIN; a longer run cycles through them. */
  static final int MAX_WINDOWS = 8;
  /** Most batches encoded in all: encoding takes about as long as the ingest's decoding. */
  static final int MAX_ENCODED = 100_000;
  private static final int MAX_JITTER_MILLIS = 2;

  private final AssetId[] vins;
  private final String[] topics;
  private final long[] streamIds;
  private final byte[][][] bodies;
  private final Map<AssetId, Integer> index;

  private PreEncodedLoad(AssetId[] vins, String[] topics, long[] streamIds, byte[][][] bodies) {
    this.vins = vins;
    this.topics = topics;
    this.streamIds = streamIds;
    this.bodies = bodies;
    this.index = new HashMap<>(vins.length * 2);
    for (int i = 0; i < vins.length; i++) {
      index.put(vins[i], i);
    }
  }

  /**
   * Encodes the load of {@code config}: as many windows per VIN (1 to {@value #MAX_WINDOWS}) as fit
   * in an eighth of the heap and {@value #MAX_ENCODED} batches in all, ending at {@code nowMillis}.
   */
  static PreEncodedLoad encode(CapacityConfig config, long nowMillis) {
    TelemetryCodec codec = new TelemetryCodec(BenchSignals.catalog());
    int n = config.vins();
    AssetId[] vins = new AssetId[n];
    String[] topics = new String[n];
    long[] streamIds = new long[n];
    byte[][][] bodies = new byte[n][][];
    SplittableRandom streams = new SplittableRandom(config.seed());
    int windows = MAX_WINDOWS;
    for (int car = 0; car < n; car++) {
      vins[car] = VinFactory.benchmarkVin(config.seed(), car);
      topics[car] = Topics.of(vins[car], TopicKind.TELEMETRY);
      streamIds[car] = streams.nextLong(1, Long.MAX_VALUE);
      BenchSignals signals = new BenchSignals(CapacityConfig.SIGNALS, config.seed(), car);
      SplittableRandom jitter = new SplittableRandom(config.seed() * 31 + car);
      if (car == 0) {
        windows = windowsThatFit(n, codec.encodeBody(vins[0], window(signals, jitter, nowMillis)).length);
        signals = new BenchSignals(CapacityConfig.SIGNALS, config.seed(), car);
      }
      long start = nowMillis - windows * CapacityConfig.WINDOW.toMillis();
      bodies[car] = new byte[windows][];
      for (int w = 0; w < windows; w++) {
        bodies[car][w] = codec.encodeBody(vins[car],
            window(signals, jitter, start + w * CapacityConfig.WINDOW.toMillis()));
      }
    }
    return new PreEncodedLoad(vins, topics, streamIds, bodies);
  }

  private static int windowsThatFit(int vins, int bodyBytes) {
    long budget = Runtime.getRuntime().maxMemory() / 8;
    long perWindow = (long) vins * (bodyBytes + 32);
    long fit = Math.min(budget / perWindow, MAX_ENCODED / vins);
    return (int) Math.max(1, Math.min(MAX_WINDOWS, fit));
  }

  private static List<Sample> window(BenchSignals signals, SplittableRandom jitter, long startMillis) {
    int ticks = (int) (CapacityConfig.RATE_HZ * CapacityConfig.WINDOW.toSeconds());
    long period = 1000L / CapacityConfig.RATE_HZ;
    List<Sample> samples = new ArrayList<>(ticks * signals.size());
    for (int tick = 0; tick < ticks; tick++) {
      long time = startMillis + tick * period + jitter.nextInt(MAX_JITTER_MILLIS + 1);
      for (int i = 0; i < signals.size(); i++) {
        samples.add(new Sample(signals.id(i), time, SignalValue.of(signals.next(i))));
      }
    }
    return samples;
  }

  int vins() {
    return vins.length;
  }

  AssetId vin(int car) {
    return vins[car];
  }

  String topic(int car) {
    return topics[car];
  }

  long streamId(int car) {
    return streamIds[car];
  }

  /** The car's index, or -1 for a VIN not of this load. */
  int indexOf(AssetId vin) {
    Integer car = index.get(vin);
    return car == null ? -1 : car;
  }

  /** Windows encoded per VIN. */
  int windows() {
    return bodies.length == 0 ? 0 : bodies[0].length;
  }

  /** The payload of seq {@code seq} of the car's stream. */
  byte[] payload(int car, long seq) {
    byte[] body = bodies[car][(int) ((seq - 1) % bodies[car].length)];
    return Sequencing.withSequence(body, new StreamPosition(streamIds[car], seq, 1));
  }

  /** The median payload size of the first 64 cars' first batch: the size the loopback moves. */
  int medianPayloadBytes() {
    int[] sizes = new int[Math.min(vins.length, 64)];
    for (int car = 0; car < sizes.length; car++) {
      sizes[car] = payload(car, 1).length;
    }
    Arrays.sort(sizes);
    return sizes[sizes.length / 2];
  }
}
