package io.spime.twin;

import io.spime.twin.event.TwinEvent;
import io.spime.twin.exceptions.InvalidEventException;
import io.spime.twin.internal.model.TwinFolder;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The fold of a twin: events applied one after another by the twin's rules (the lifecycle state
 * machine, event order, custody only in service, DTCs, part genealogy, state versions), exactly as
 * every store folds them. Use it to see what events would do before appending them, or to rebuild a
 * twin from journal entries read elsewhere.
 */
public final class TwinFold {
  private TwinFold() {}

  /**
   * The twin of a vehicle after these journal entries, oldest first, from its first event.
   *
   * @throws IllegalArgumentException if an entry is of another vehicle or the revisions are not 1, 2, 3…
   * @throws InvalidEventException (or a subclass) if an entry breaks a rule of the twin
   */
  public static Twin of(AssetId vin, List<JournalEntry> entries) {
    Objects.requireNonNull(vin, "vin");
    TwinFolder folder = TwinFolder.from(Twin.unknown(vin));
    for (JournalEntry entry : entries) {
      if (!entry.vin().equals(vin)) {
        throw new IllegalArgumentException("entry " + entry.revision() + " is of " + entry.vin() + ", not " + vin);
      }
      if (entry.revision() != folder.revision() + 1) {
        throw new IllegalArgumentException(
            "entries must follow revision " + folder.revision() + ", but the next is " + entry.revision());
      }
      folder.apply(entry.revision(), entry.occurredAt(), entry.event());
    }
    return folder.twin();
  }

  /**
   * The twin as it would be after these events, all happening at one instant, were appended to it.
   * The given twin is not changed.
   *
   * @throws InvalidEventException (or a subclass) if an event breaks a rule of the twin
   */
  public static Twin after(Twin twin, List<TwinEvent> events, Instant at) {
    Objects.requireNonNull(twin, "twin");
    Objects.requireNonNull(at, "at");
    TwinFolder folder = TwinFolder.from(twin);
    long revision = twin.revision();
    for (TwinEvent event : events) {
      folder.apply(++revision, at, Objects.requireNonNull(event, "event"));
    }
    return folder.twin();
  }
}
