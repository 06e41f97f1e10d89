package io.spime.wire;

import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shared values for the wire tests. */
final class Fixtures {
  /** A real VIN whose check digit is X. */
  static final AssetId VIN = AssetId.parse("1M8GDM9AXKP042788");
  static final AssetId OTHER_VIN = AssetId.parse("1HGCM82633A004352");
  static final StreamPosition POSITION =
      new StreamPosition(0x5EED_0000_0000_0001L, 42, 0x0B00_7000_0000_0001L);
  static final SignalCatalog CATALOG = SignalCatalog.builtIn();
  static final long T0 = 1_795_000_000_000L;

  private Fixtures() {}

  /** A catalog with a full-precision float signal (doubles column) beside a scaled one. */
  static SignalCatalog catalogWithFullPrecision() {
    return SignalCatalog.of(1, List.of(
        new SignalDefinition(1, "Vehicle.Speed", "float", Optional.of("km/h"), 0.1,
            DataCategory.DRIVING_BEHAVIOUR, Priority.NORMAL),
        new SignalDefinition(2, "Vehicle.Exterior.AirTemperature", "float", Optional.of("Celsius"),
            0, DataCategory.VEHICLE_HEALTH, Priority.LOW)));
  }

  /** Several signals of every type at 10 Hz for one second, interleaved tick by tick. */
  static TelemetryBatch mixedBatch() {
    List<Sample> samples = new ArrayList<>();
    for (int tick = 0; tick < 10; tick++) {
      long t = T0 + tick * 100L;
      samples.add(new Sample(1, t, new SignalValue.Number(50 + tick * 0.37)));
      samples.add(new Sample(2, t, new SignalValue.Number(123_456_789 + tick)));
      samples.add(new Sample(3, t, new SignalValue.Bool(tick > 0)));
      samples.add(new Sample(4, t, new SignalValue.Number(48.137154 + tick * 0.000011)));
      samples.add(new Sample(5, t, new SignalValue.Number(11.576124 - tick * 0.000007)));
      samples.add(new Sample(22, t, new SignalValue.Number(tick < 5 ? -1 : 3)));
    }
    samples.add(new Sample(52, T0 + 30, new SignalValue.Text("ON")));
    samples.add(new Sample(52, T0 + 777, new SignalValue.Text("START")));
    return new TelemetryBatch(VIN, POSITION, CATALOG.version(), samples);
  }

  /** The samples of a batch per signal, in order; the codec keeps order within a signal only. */
  static Map<Integer, List<Sample>> bySignal(List<Sample> samples) {
    Map<Integer, List<Sample>> bySignal = new LinkedHashMap<>();
    for (Sample sample : samples) {
      bySignal.computeIfAbsent(sample.signalId(), id -> new ArrayList<>()).add(sample);
    }
    return bySignal;
  }
}
