package io.spime.twin;

import io.spime.twin.exceptions.ConcurrencyConflictException;
import io.spime.twin.exceptions.DuplicateEventException;
import io.spime.twin.exceptions.FutureTimestampException;
import io.spime.twin.exceptions.IllegalTransitionException;
import io.spime.twin.exceptions.InvalidEventException;
import io.spime.twin.exceptions.OutOfOrderEventException;
import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.exceptions.UnknownValueException;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store's journal of twin events: conditional appends at a revision and reads of a twin at any
 * point of its life. The role an OEM back end writes the car's life through (production, sale,
 * service, end of life); {@link #appendAtHead} is the common write.
 */
public interface TwinJournal {
  /** How often {@link #appendAtHead} reads the revision and tries before it gives up. */
  int APPEND_AT_HEAD_ATTEMPTS = 5;

  /**
   * Appends events to one vehicle's journal if the vehicle is at the expected revision; see {@link
   * #appendAll}.
   *
   * @throws ConcurrencyConflictException if the vehicle is at another revision
   * @throws IllegalTransitionException if an event is a move the lifecycle does not allow
   * @throws OutOfOrderEventException if an event happened before the vehicle's latest event
   * @throws FutureTimestampException if an event lies beyond the clock tolerance in the future
   * @throws DuplicateEventException if event ids are reused with other content or only partly
   * @throws InvalidEventException if an event breaks another rule of the twin
   * @throws TwinStoreException if the store fails
   */
  default AppendResult append(AssetId vin, long expectedRevision, List<PendingEvent> events) {
    return appendAll(List.of(new AppendRequest(vin, expectedRevision, events))).get(0);
  }

  /**
   * Appends events to many vehicles in ONE transaction, committed durably before returning: either
   * every request is applied or, on any error, nothing is written. A request whose event ids are all in
   * the journal already is a replay: nothing is written and the stored entries are returned. Event times
   * are kept to the millisecond; a vehicle's events must not go back in time. Vehicles are created on
   * their first event, which must be {@link io.spime.twin.event.VehicleProduced}.
   *
   * @return one result per request, in order
   * @throws ConcurrencyConflictException if a vehicle is not at its request's expected revision
   * @throws IllegalTransitionException if an event is a move the lifecycle does not allow
   * @throws OutOfOrderEventException if an event happened before the vehicle's latest event
   * @throws FutureTimestampException if an event lies beyond the clock tolerance in the future
   * @throws DuplicateEventException if event ids are reused with other content or only partly
   * @throws InvalidEventException if an event breaks another rule of the twin
   * @throws TwinStoreException if the store fails
   */
  List<AppendResult> appendAll(List<AppendRequest> requests);

  /**
   * Appends events at the vehicle's current revision (0 for a vehicle not known yet), reading the
   * revision again and retrying when another writer appended in between: the common write, for callers
   * that do not hold a revision they read and checked. The twin's rules are checked against the
   * revision the append lands on, and appending the same event ids again is a replay, as in {@link
   * #appendAll}.
   *
   * @throws ConcurrencyConflictException if other writers appended in between {@value
   *     #APPEND_AT_HEAD_ATTEMPTS} times in a row
   * @throws IllegalTransitionException if an event is a move the lifecycle does not allow
   * @throws OutOfOrderEventException if an event happened before the vehicle's latest event
   * @throws FutureTimestampException if an event lies beyond the clock tolerance in the future
   * @throws DuplicateEventException if event ids are reused with other content or only partly
   * @throws InvalidEventException if an event breaks another rule of the twin
   * @throws TwinStoreException if the store fails
   */
  default AppendResult appendAtHead(AssetId vin, List<PendingEvent> events) {
    for (int attempt = 1; ; attempt++) {
      long head = twin(vin).map(Twin::revision).orElse(0L);
      try {
        return append(vin, head, events);
      } catch (ConcurrencyConflictException e) {
        if (attempt >= APPEND_AT_HEAD_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /**
   * The current twin, read from its snapshot; empty if the store has never heard of the vehicle.
   *
   * @throws TwinStoreException if the store fails
   */
  Optional<Twin> twin(AssetId vin);

  /**
   * The current twins of several vehicles, read together: one round trip per few hundred vehicles
   * where {@link #twin} takes one or more each. Vehicles the store has never heard of are absent from
   * the map; the others are in the order given, each once.
   *
   * @throws TwinStoreException if the store fails
   * @throws NullPointerException if the collection or one of its VINs is null
   */
  default Map<AssetId, Twin> twins(Collection<AssetId> vins) {
    Map<AssetId, Twin> twins = new LinkedHashMap<>();
    for (AssetId vin : List.copyOf(vins)) {
      if (!twins.containsKey(vin)) {
        twin(vin).ifPresent(twin -> twins.put(vin, twin));
      }
    }
    return twins;
  }

  /**
   * The twin as it was at an instant: the fold of the events that happened at or before it; empty if
   * none had.
   *
   * @throws TwinStoreException if the store fails
   */
  Optional<Twin> asOf(AssetId vin, Instant instant);

  /**
   * The twin as it was right after a revision; empty if the vehicle has not reached it.
   *
   * @throws IllegalArgumentException if the revision is below 1
   * @throws TwinStoreException if the store fails
   */
  Optional<Twin> atRevision(AssetId vin, long revision);

  /**
   * Journal entries of a vehicle after a revision, oldest first, at most {@code limit}.
   *
   * @throws IllegalArgumentException if afterRevision is negative or limit below 1
   * @throws UnknownValueException if a stored event is of a type or value this version does not know
   * @throws TwinStoreException if the store fails
   */
  List<JournalEntry> history(AssetId vin, long afterRevision, int limit);
}
