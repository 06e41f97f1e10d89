package io.spime.sim.internal.verify;

import io.spime.sim.internal.ledger.DtcHistory;
import io.spime.twin.TwinStore;
import io.spime.twin.fleet.SignalReading;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import io.spime.wire.telemetry.SignalValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a car with its twin: its last recorded values with the twin's latest, allowing the wire
 * resolution, and its trouble-code changes with the twin's journal and open DTCs.
 */
public final class TwinComparison {
  private TwinComparison() {}

  /** The signal paths whose twin value differs from the car's last value (or is missing). */
  public static List<String> diverged(
      SignalCatalog catalog, Map<String, SignalValue> carValues, Map<Integer, SignalReading> twin) {
    List<String> diverged = new ArrayList<>();
    for (Map.Entry<String, SignalValue> entry : carValues.entrySet()) {
      SignalDefinition signal = catalog.require(entry.getKey());
      SignalReading reading = twin.get(signal.id());
      if (reading == null || !same(signal, entry.getValue(), reading.value())) {
        diverged.add(signal.path());
      }
    }
    return diverged;
  }

  private static boolean same(SignalDefinition signal, SignalValue car, SignalValue twin) {
    if (car instanceof SignalValue.Number number && twin instanceof SignalValue.Number stored) {
      double tolerance = signal.isScaled() ? signal.scale() / 2 + 1e-9 : 0;
      return Math.abs(number.value() - stored.value()) <= tolerance;
    }
    return car.equals(twin);
  }

  /** As {@link #diverged(SignalCatalog, Map, Map)}, leaving out signals of a withheld category. */
  public static List<String> diverged(
      SignalCatalog catalog, Map<String, SignalValue> carValues, TwinSource.Signals twin) {
    Map<String, SignalValue> shown = new HashMap<>();
    carValues.forEach((path, value) -> {
      if (!twin.withheld().contains(catalog.require(path).category())) {
        shown.put(path, value);
      }
    });
    return diverged(catalog, shown, twin.readings());
  }

  /** The car's trouble codes against its twin's in {@code store}. */
  public static DtcCheck dtcs(DtcHistory car, TwinStore store, AssetId vin) {
    return dtcs(car, TwinDtcs.of(store, vin));
  }

  /**
   * Compares the car's trouble-code changes (those its agent kept, and one pending at a kill, which
   * the restarted car raised again) with the DTC events from the vehicle in the twin's journal, and
   * the codes open in the car with the twin's open DTCs. A change the car sent late (after the twin
   * had a later event) is on the twin's timeline at that later event's time, so a car's change
   * matches the first twin change of its code and kind at or after its own time.
   */
  public static DtcCheck dtcs(DtcHistory car, TwinDtcs twin) {
    Map<String, List<Long>> unmatched = new HashMap<>();
    twin.changes().forEach((key, times) -> unmatched.put(key, new ArrayList<>(times)));
    List<DtcHistory.Change> changes = new ArrayList<>(car.all());
    changes.sort(Comparator.comparingLong(DtcHistory.Change::timeMillis));
    List<DtcHistory.Change> missing = new ArrayList<>();
    for (DtcHistory.Change change : changes) {
      List<Long> times = unmatched.getOrDefault(TwinDtcs.key(change.code().code(), change.active()), List.of());
      int at = firstAtOrAfter(times, change.timeMillis());
      if (at < 0) {
        missing.add(change);
      } else {
        times.remove(at);
      }
    }
    List<String> mismatches = new ArrayList<>();
    if (!missing.isEmpty()) {
      mismatches.add(missing.size() + " DTC changes not in the twin (first: " + missing.get(0).describe() + ")"
          + (twin.lastRefusal().isEmpty() ? "" : "; the twin last refused: " + twin.lastRefusal()));
    }
    List<String> extra = new ArrayList<>();
    unmatched.forEach((key, times) -> times.forEach(time -> extra.add(key + " at " + Instant.ofEpochMilli(time))));
    if (!extra.isEmpty()) {
      mismatches.add("the twin holds " + extra.size() + " DTC changes the car did not raise (first: "
          + new TreeSet<>(extra).first() + ")");
    }
    Set<String> carOpen = new TreeSet<>();
    car.open().forEach(code -> carOpen.add(code.code()));
    Set<String> twinOpen = new TreeSet<>(twin.open());
    if (!twinOpen.equals(carOpen)) {
      mismatches.add("open DTCs: the car's " + carOpen + ", the twin's " + twinOpen);
    }
    return new DtcCheck(car.raised(), car.cleared(), carOpen.size(), mismatches);
  }

  /** The index of the first of the ascending {@code times} at or after {@code timeMillis}, or -1. */
  private static int firstAtOrAfter(List<Long> times, long timeMillis) {
    for (int i = 0; i < times.size(); i++) {
      if (times.get(i) >= timeMillis) {
        return i;
      }
    }
    return -1;
  }
}
