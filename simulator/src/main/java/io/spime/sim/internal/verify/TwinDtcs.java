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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A twin's trouble codes as the DTC check compares them: the times of the DTC events from the vehicle
 * in its journal, ascending, by {@link #key} of code and kind; its open codes; and what it said when
 * it last refused events of the car ({@code ""} when it did not, or the source cannot tell).
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
      return new TwinDtcs(changes(store, vin), twin.openDtcs().keySet(),
          refused.isEmpty() ? "" : refused.get(0).reason());
    }).orElseGet(TwinDtcs::none);
  }

  private static Map<String, List<Long>> changes(TwinStore store, AssetId vin) {
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
