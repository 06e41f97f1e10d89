package io.spime.wire;

import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A plug-in hybrid driving through town for 10 s, 50 catalog signals sampled at 10 Hz: a speed
 * profile from 30 to 60 km/h with sensor noise, a GPS track along it, battery current, voltage and
 * power that follow the load, slowly warming temperatures and falling charge, counters that tick,
 * and booleans and a text that do not change. Seeded, so every run builds the same 5,000 samples.
 */
final class DrivingTrace {
  static final int TICKS = 100;
  static final long TICK_MS = 100;

  /** The state of the car at one tick, from which every signal's value is read. */
  private record Tick(
      int n, double speed, double odometer, double lat, double lon, double current,
      double voltage, double consumedKwh, double noise1, double noise2, double noise3) {}

  private final Map<Integer, Function<Tick, SignalValue>> signals = new LinkedHashMap<>();

  DrivingTrace() {
    num(1, t -> t.speed);
    num(2, t -> t.odometer);
    signals.put(3, t -> new SignalValue.Bool(true));
    num(4, t -> t.lat);
    num(5, t -> t.lon);
    num(6, t -> 64.3 - 0.0008 * t.n);
    num(7, t -> 93.27);
    num(8, t -> 28.4 + 0.002 * t.n + 0.03 * t.noise1);
    num(9, t -> t.voltage);
    num(10, t -> t.voltage * t.current);
    num(11, t -> 212_345 - 1.6 * t.n);
    signals.put(12, t -> new SignalValue.Bool(false));
    num(13, t -> 1800 + 300 * Math.sin(t.n / 15.0) + 15 * t.noise2);
    num(14, t -> 35 + 0.3 * t.noise3);
    num(15, t -> 519 + 0.02 * t.n + 0.4 * t.noise1);
    num(16, t -> 0.83 + 0.1 * t.noise2);
    num(17, t -> 0.05 * t.noise3);
    num(18, t -> 22 + Math.round(2 * t.noise1));
    num(19, t -> 0);
    num(20, t -> Math.round(2 * Math.sin(t.n / 30.0)));
    signals.put(21, t -> new SignalValue.Bool(false));
    num(22, t -> t.speed < 45 ? 3 : 4);
    num(23, t -> 612_000 - 6 * t.n);
    num(24, t -> 65);
    num(25, t -> 26.1 + 0.001 * t.n);
    num(26, t -> 30.2 + 0.003 * t.n);
    num(27, t -> t.current);
    num(28, t -> 71);
    num(29, t -> 18_442.17);
    num(30, t -> 21_077.4 + t.consumedKwh);
    signals.put(33, t -> new SignalValue.Bool(false));
    signals.put(35, t -> new SignalValue.Bool(true));
    num(36, t -> 89.5 + 0.01 * t.n + 0.05 * t.noise2);
    num(37, t -> 1234.56 + t.n * TICK_MS / 3_600_000.0);
    num(38, t -> 47);
    num(39, t -> 398_000 - 4 * t.n);
    signals.put(40, t -> new SignalValue.Bool(false));
    num(41, t -> 12.3 + 0.05 * t.noise3);
    num(42, t -> 240 + (t.noise1 > 1.5 ? 1 : 0));
    num(43, t -> 242);
    num(44, t -> 236 + (t.noise2 > 1.5 ? 1 : 0));
    num(45, t -> 238);
    for (int door = 46; door <= 49; door++) {
      signals.put(door, t -> new SignalValue.Bool(false));
    }
    signals.put(50, t -> new SignalValue.Bool(true));
    signals.put(52, t -> new SignalValue.Text("ON"));
    num(53, t -> 14.2 + 0.02 * t.noise1);
    num(59, t -> 21.5);
  }

  /** The signal ids the trace samples, in catalog order. */
  List<Integer> signalIds() {
    return List.copyOf(signals.keySet());
  }

  /**
   * Every sample, tick by tick. With {@code jitterMs} above 0 each sample's time moves by up to that
   * many milliseconds either way, as when signals are read off a bus rather than on one clock.
   */
  List<Sample> samples(long start, int jitterMs) {
    Random random = new Random(20261123);
    List<Sample> samples = new ArrayList<>();
    double odometer = 48_213_000;
    double lat = 48.137154;
    double lon = 11.576124;
    double consumed = 0;
    for (int n = 0; n < TICKS; n++) {
      double speed = 30 + 3 * n * TICK_MS / 1000.0 + 0.2 * random.nextGaussian();
      double metres = speed / 3.6 * TICK_MS / 1000.0;
      odometer += metres;
      lat += metres * Math.cos(Math.toRadians(35)) / 111_320 + 0.000002 * random.nextGaussian();
      lon += metres * Math.sin(Math.toRadians(35)) / (111_320 * Math.cos(Math.toRadians(lat)))
          + 0.000002 * random.nextGaussian();
      double current = 40 + 20 * Math.sin(n / 12.0) + 1.5 * random.nextGaussian();
      double voltage = 396 - 0.05 * current + 0.2 * random.nextGaussian();
      consumed += voltage * current * TICK_MS / 3_600_000_000.0;
      Tick tick = new Tick(n, speed, odometer, lat, lon, current, voltage, consumed,
          random.nextGaussian(), random.nextGaussian(), random.nextGaussian());
      for (Map.Entry<Integer, Function<Tick, SignalValue>> signal : signals.entrySet()) {
        long jitter = jitterMs == 0 ? 0 : random.nextInt(2 * jitterMs + 1) - jitterMs;
        samples.add(new Sample(signal.getKey(), start + n * TICK_MS + jitter,
            signal.getValue().apply(tick)));
      }
    }
    return samples;
  }

  private void num(int id, ToDoubleFunction<Tick> value) {
    signals.put(id, t -> new SignalValue.Number(value.applyAsDouble(t)));
  }
}
