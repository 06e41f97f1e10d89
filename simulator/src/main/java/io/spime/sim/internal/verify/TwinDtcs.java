package io.spime.sim.internal.verify;

import io.spime.twin.JournalEntry;
import io.spime.twin.SourceKind;
import io.spime.twin.TwinStore;
import io.spime.twin.event.DtcCleared;
import io.spime.twin.event.DtcRaised;
import io.spime.twin.ingest.RefusedEvents;
import io.spime.wire.AssetId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A twin's trouble codes as the DTC check compares them: the times of the DTC events from the vehicle
 * in its journal, ascending, by {@link #key} of code and kind; its open codes the car raised (a code
 * last raised by a workshop or the back office, such as a scenario's back-dated one, is not the car's
 * to report); and what it said when it last refused events of the car ({@code ""} when it did not, or
 * the source cannot tell).
 */
public record TwinDtcs(Map<String, List<Long>> changes, Set<String> open, String lastRefusal) {
  /** A car without a twin. */
  public static TwinDtcs none() {
    return new TwinDtcs(new HashMap<>(), Set.of(), "");
  }

  /** The key of a change: {@code "P0562 set"} or {@code "P0562 cleared"}. */
  public static String key(String code, boolean active) {
    return code + (active ? " set" : " cleared");
  }

  /** The twin of {@code vin} in {@code store}, read page by page. */
  public static TwinDtcs of(TwinStore store, AssetId vin) {
    return store.twin(vin).map(twin -> {
      List<RefusedEvents> refused = store.refusedTwinEvents(vin, 1);
      Set<String> raisedElsewhere = new HashSet<>();
      Map<String, List<Long>> changes = changes(store, vin, raisedElsewhere);
      return new TwinDtcs(changes, carsOwn(twin.openDtcs().keySet(), raisedElsewhere),
          refused.isEmpty() ? "" : refused.get(0).reason());
    }).orElseGet(TwinDtcs::none);
  }

  /** The open codes but those whose last raise came from another source than the car. */
  public static Set<String> carsOwn(Set<String> open, Set<String> raisedElsewhere) {
    Set<String> own = new HashSet<>(open);
    own.removeAll(raisedElsewhere);
    return own;
  }

  private static Map<String, List<Long>> changes(TwinStore store, AssetId vin, Set<String> raisedElsewhere) {
    int pageSize = 500;
    Map<String, List<Long>> changes = new HashMap<>();
    long after = 0;
    List<JournalEntry> page;
    do {
      page = store.history(vin, after, pageSize);
      for (JournalEntry entry : page) {
        after = entry.revision();
        long at = entry.occurredAt().toEpochMilli();
        boolean fromCar = entry.source().kind() == SourceKind.VEHICLE;
        if (entry.event() instanceof DtcRaised raised) {
          if (fromCar) {
            raisedElsewhere.remove(raised.code());
          } else {
            raisedElsewhere.add(raised.code());
          }
        }
        if (fromCar && entry.event() instanceof DtcRaised raised) {
          changes.computeIfAbsent(key(raised.code(), true), k -> new ArrayList<>()).add(at);
        } else if (fromCar && entry.event() instanceof DtcCleared cleared) {
          changes.computeIfAbsent(key(cleared.code(), false), k -> new ArrayList<>()).add(at);
        }
      }
    } while (page.size() == pageSize);
    return changes;
  }
}
