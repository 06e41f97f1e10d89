package io.spime.sim.internal;

import io.spime.twin.JournalEntry;
import io.spime.twin.RefusedEvents;
import io.spime.twin.SignalReading;
import io.spime.twin.SourceKind;
import io.spime.twin.Twin;
import io.spime.twin.TwinStore;
import io.spime.twin.event.DtcCleared;
import io.spime.twin.event.DtcRaised;
import io.spime.wire.SignalCatalog;
import io.spime.wire.SignalDefinition;
import io.spime.wire.SignalValue;
import io.spime.wire.Vin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a car with its twin: its last recorded values with the twin's latest, allowing the wire
 * resolution, and its trouble-code changes with the twin's journal and open DTCs.
 */
final class TwinComparison {
  private static final int HISTORY_PAGE = 500;

  private TwinComparison() {}

  /** The signal paths whose twin value differs from the car's last value (or is missing). */
  static List<String> diverged(
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

  /**
   * Compares the car's trouble-code changes (those its agent kept, and one pending at a kill, which
   * the restarted car raised again) with the DTC events from the vehicle in the twin's journal, and
   * the codes open in the car with the twin's open DTCs.
   */
  static DtcCheck dtcs(DtcHistory car, TwinStore store, Vin vin) {
    Optional<Twin> twin = store.twin(vin);
    Map<String, List<Long>> unmatched = twin.isEmpty() ? new HashMap<>() : twinChanges(store, vin);
    List<DtcHistory.Change> changes = new ArrayList<>(car.all());
    changes.sort(Comparator.comparingLong(DtcHistory.Change::timeMillis));
    List<DtcHistory.Change> missing = new ArrayList<>();
    for (DtcHistory.Change change : changes) {
      List<Long> times = unmatched.getOrDefault(key(change.code().code(), change.active()), List.of());
      int at = firstAtOrAfter(times, change.timeMillis());
      if (at < 0) {
        missing.add(change);
      } else {
        times.remove(at);
      }
    }
    List<String> mismatches = new ArrayList<>();
    if (!missing.isEmpty()) {
      mismatches.add(missing.size() + " DTC changes not in the twin (first: "
          + missing.get(0).describe() + ")" + refusal(store, vin));
    }
    List<String> extra = new ArrayList<>();
    unmatched.forEach((key, times) -> times.forEach(time -> extra.add(key + " at " + Instant.ofEpochMilli(time))));
    if (!extra.isEmpty()) {
      mismatches.add("the twin holds " + extra.size() + " DTC changes the car did not raise (first: "
          + new TreeSet<>(extra).first() + ")");
    }
    Set<String> carOpen = new TreeSet<>();
    car.open().forEach(code -> carOpen.add(code.code()));
    Set<String> twinOpen = new TreeSet<>(twin.map(t -> t.openDtcs().keySet()).orElse(Set.of()));
    if (!twinOpen.equals(carOpen)) {
      mismatches.add("open DTCs: the car's " + carOpen + ", the twin's " + twinOpen);
    }
    return new DtcCheck(car.raised(), car.cleared(), carOpen.size(), mismatches);
  }

  /**
   * The times of the DTC events from the vehicle in the twin's journal, ascending, by code and kind.
   * A change the car sent late (after the twin had a later event) is on the twin's timeline at that
   * later event's time, so a car's change matches the first twin change of its code and kind at or
   * after its own time.
   */
  private static Map<String, List<Long>> twinChanges(TwinStore store, Vin vin) {
    Map<String, List<Long>> changes = new HashMap<>();
    long after = 0;
    List<JournalEntry> page;
    do {
      page = store.history(vin, after, HISTORY_PAGE);
      for (JournalEntry entry : page) {
        after = entry.revision();
        long at = entry.occurredAt().toEpochMilli();
        boolean fromCar = entry.source().kind() == SourceKind.VEHICLE;
        if (fromCar && entry.event() instanceof DtcRaised raised) {
          changes.computeIfAbsent(key(raised.code(), true), k -> new ArrayList<>()).add(at);
        } else if (fromCar && entry.event() instanceof DtcCleared cleared) {
          changes.computeIfAbsent(key(cleared.code(), false), k -> new ArrayList<>()).add(at);
        }
      }
    } while (page.size() == HISTORY_PAGE);
    return changes;
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

  private static String key(String code, boolean active) {
    return code + (active ? " set" : " cleared");
  }

  /** What the twin said when it last refused events of the car, if it did. */
  private static String refusal(TwinStore store, Vin vin) {
    List<RefusedEvents> refused = store.refusedTwinEvents(vin, 1);
    return refused.isEmpty() ? "" : "; the twin last refused: " + refused.get(0).reason();
  }
}
