package io.spime.sim.internal.ledger;

import io.spime.sim.internal.model.TroubleCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The trouble-code changes of one car as its ledger holds them: those its agent kept, in order, and
 * the one it was raising when its process was killed, if any (written to the ledger before {@code
 * raise}, so whether the agent kept it is unknown; the restarted car raises it again with the same
 * event id, which the twin applies once).
 *
 * @param kept changes the agent kept, oldest first
 * @param pending a change written but not confirmed
 * @param intents changes ever written, kept or refused or pending: the next event id's number
 */
public record DtcHistory(List<Change> kept, Optional<Change> pending, long intents) {
  public static final DtcHistory EMPTY = new DtcHistory(List.of(), Optional.empty(), 0);

  /**
   * One code set ({@code active}) or cleared, as the car raised it.
   *
   * @param eventId the car event's id, unique for the car
   * @param timeMillis when, on the car's clock
   */
  public record Change(String eventId, long timeMillis, TroubleCode code, boolean active) {
    /** The event id of the car's {@code number}th change. */
    public static String eventId(long number, TroubleCode code, boolean active) {
      return "dtc-" + number + "-" + code.code() + (active ? "-set" : "-clear");
    }

    /** For people: {@code P0562 set at 2026-11-23T10:15:30.123Z}. */
    public String describe() {
      return code.code() + (active ? " set at " : " cleared at ") + Instant.ofEpochMilli(timeMillis);
    }
  }

  public DtcHistory {
    kept = List.copyOf(kept);
  }

  /** The changes the twin must hold: the kept ones and the pending one, which is raised again. */
  public List<Change> all() {
    if (pending.isEmpty()) {
      return kept;
    }
    List<Change> all = new ArrayList<>(kept);
    all.add(pending.get());
    return all;
  }

  /** The codes open after {@link #all()}. */
  public Set<TroubleCode> open() {
    Set<TroubleCode> open = EnumSet.noneOf(TroubleCode.class);
    for (Change change : all()) {
      if (change.active()) {
        open.add(change.code());
      } else {
        open.remove(change.code());
      }
    }
    return open;
  }

  public long raised() {
    return all().stream().filter(Change::active).count();
  }

  public long cleared() {
    return all().stream().filter(change -> !change.active()).count();
  }
}
