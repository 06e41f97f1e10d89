package io.spime.twin;

import io.spime.wire.TelemetryBatch;
import io.spime.wire.Vin;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store of the lifetime twins of a fleet. Open one with {@link TwinStores}. Every method may be
 * called from any thread.
 */
public interface TwinStore extends AutoCloseable {

  /**
   * Applies telemetry batches of many vehicles in ONE transaction, committed durably before this
   * method returns. For each batch, in list order: durable = highest applied seq of (vin, streamId),
   * 0 for a new stream; seq &lt;= durable: duplicate, skipped; seq == durable + 1: applied (latest
   * value per signal kept when the sample is not older than the stored one, daily rollups of trend
   * signals updated, samples-applied counter += samples, last-seen = max sample time, durable = seq);
   * seq &gt; durable + 1: gap, skipped (the agent resends). Unknown vehicles are created on first
   * telemetry (identity only).
   *
   * @throws TwinStoreException if the store fails; then nothing of the call is written
   * @throws NullPointerException if the list or one of its batches is null
   */
  TelemetryApplyResult applyTelemetry(List<TelemetryBatch> batches);

  /**
   * Applies uplink messages of every kind, of many vehicles, in ONE transaction committed durably
   * before this method returns. Every kind holds a place in its stream's sequence, and the rule of
   * {@link #applyTelemetry} decides for each message in list order: seq &lt;= durable is a duplicate
   * (skipped), seq == durable + 1 is applied and advances the stream, a higher seq is a gap (skipped).
   * Applying
   *
   * <ul>
   *   <li>{@link UplinkMessage.Telemetry}: exactly what {@link #applyTelemetry} does;
   *   <li>{@link UplinkMessage.Events}: stores every car event, keyed by (vehicle, event id), a re-sent
   *       id is ignored; then appends the twin events as ONE append at the vehicle's current revision
   *       (idempotent as {@link #appendAll} defines). If the twin refuses them (a car without production
   *       record, a move the lifecycle does not allow, a stale state version, an event out of order…),
   *       none of them is appended, the refusal is stored ({@link #refusedTwinEvents}) and counted, and
   *       everything else of the call, this message's stream advance and car events included, is
   *       still applied;
   *   <li>{@link UplinkMessage.Quarantined}: stores the raw message ({@link #quarantined}).
   * </ul>
   *
   * Unknown vehicles are created (identity only). Events and quarantined messages move the car's last
   * seen time like telemetry does.
   *
   * @throws TwinStoreException if the store fails; then nothing of the call is written
   * @throws NullPointerException if the list or one of its messages is null
   */
  UplinkApplyResult applyUplink(List<UplinkMessage> messages);

  /**
   * The car's events from an instant on (inclusive), oldest first by the car's time, at most {@code
   * limit}; empty if the vehicle is unknown.
   *
   * @throws IllegalArgumentException if limit is below 1
   * @throws TwinStoreException if the store fails
   */
  List<CarEvent> carEvents(Vin vin, Instant from, int limit);

  /**
   * The car's quarantined uplink messages, newest first, at most {@code limit}.
   *
   * @throws IllegalArgumentException if limit is below 1
   * @throws TwinStoreException if the store fails
   */
  List<QuarantinedMessage> quarantined(Vin vin, int limit);

  /**
   * Twin events of the car's uplink that the twin refused, newest first, at most {@code limit}.
   *
   * @throws IllegalArgumentException if limit is below 1
   * @throws TwinStoreException if the store fails
   */
  List<RefusedEvents> refusedTwinEvents(Vin vin, int limit);

  /**
   * Records a status of the car (online or offline, from one agent boot), creating an unknown vehicle.
   * The newer status by {@code at} wins and an older one is ignored, with one exception for the same
   * boot: an offline status of the boot that the stored status says is online always wins, because
   * the agent's MQTT will is written when the boot starts and so carries a time before the boot's
   * online statuses. At the same time, a status of another boot is ignored.
   *
   * @throws IllegalArgumentException if bootId is 0
   * @throws TwinStoreException if the store fails
   */
  void recordConnectivity(Vin vin, boolean online, Instant at, long bootId);

  /**
   * Whether the car is connected, from its last accepted status; empty if no status was recorded.
   *
   * @throws TwinStoreException if the store fails
   */
  Optional<Connectivity> connectivity(Vin vin);

  /**
   * Latest value of every signal of the vehicle, by catalog signal id; empty if the vehicle is unknown.
   *
   * @throws TwinStoreException if the store fails
   */
  Map<Integer, SignalReading> latestSignals(Vin vin);

  /**
   * Total samples applied for the vehicle (duplicates not counted); 0 if the vehicle is unknown.
   *
   * @throws TwinStoreException if the store fails
   */
  long samplesApplied(Vin vin);

  /**
   * Highest durable seq of the vehicle's most recently used stream, if any.
   *
   * @throws TwinStoreException if the store fails
   */
  Optional<StreamProgress> streamProgress(Vin vin);

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
  default AppendResult append(Vin vin, long expectedRevision, List<PendingEvent> events) {
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
   * The current twin, read from its snapshot; empty if the store has never heard of the vehicle.
   *
   * @throws TwinStoreException if the store fails
   */
  Optional<Twin> twin(Vin vin);

  /**
   * The twin as it was at an instant: the fold of the events that happened at or before it; empty if
   * none had.
   *
   * @throws TwinStoreException if the store fails
   */
  Optional<Twin> asOf(Vin vin, Instant instant);

  /**
   * The twin as it was right after a revision; empty if the vehicle has not reached it.
   *
   * @throws IllegalArgumentException if the revision is below 1
   * @throws TwinStoreException if the store fails
   */
  Optional<Twin> atRevision(Vin vin, long revision);

  /**
   * Journal entries of a vehicle after a revision, oldest first, at most {@code limit}.
   *
   * @throws IllegalArgumentException if afterRevision is negative or limit below 1
   * @throws UnknownValueException if a stored event is of a type or value this version does not know
   * @throws TwinStoreException if the store fails
   */
  List<JournalEntry> history(Vin vin, long afterRevision, int limit);

  /**
   * One page of vehicles matching a fleet query, read from an index.
   *
   * @throws InvalidCursorException if the page's cursor was not made by this query
   * @throws TwinStoreException if the store fails
   */
  FleetPage fleet(FleetQuery query, PageRequest page);

  /**
   * Daily rollups of one trend signal of a vehicle, for the UTC days from {@code from} to {@code to}
   * inclusive, oldest first; days without samples are absent.
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   * @throws TwinStoreException if the store fails
   */
  List<DailyRollup> dailyRollups(Vin vin, int signalId, LocalDate from, LocalDate to);

  /**
   * Creates (expected version 0) or changes a customer master record.
   *
   * @return the record as stored, with its new version
   * @throws CustomerConflictException if the record is not at the expected version
   * @throws TwinStoreException if the store fails
   */
  CustomerRecord putCustomer(PartyId id, long expectedVersion, CustomerProfile profile);

  /**
   * Adds an interaction to a customer's history.
   *
   * @throws UnknownCustomerException if there is no such customer
   * @throws TwinStoreException if the store fails
   */
  void recordInteraction(PartyId id, Interaction interaction);

  /**
   * The customer's master record, if there is one.
   *
   * @throws TwinStoreException if the store fails
   */
  Optional<CustomerRecord> customer(PartyId id);

  /**
   * Erases a data subject in one transaction: deletes the customer record, removes the subject's
   * personal data from every journal event that carries it (the party reads as {@link
   * PartyId#ERASED}, notes are dropped), deletes the latest personal signal values recorded in the
   * custody epochs the subject held, and rebuilds the affected twins and snapshots. The cars' technical
   * history (lifecycle, service, battery, odometer, DTCs, custody dates) stays.
   *
   * @throws TwinStoreException if the store fails; then nothing was erased
   */
  ErasureReport eraseSubject(PartyId subject);

  /**
   * The car's whole life as one JSON document (the spime record): identity, production, lifecycle,
   * custody epochs, service and repairs, software, diagnostics, battery condition over time, end of life
   * and the battery passport's condition and circularity data. Personal data appears only where the
   * viewer is entitled to it (see {@link Viewer}).
   *
   * @throws UnknownVehicleException if the store has no such vehicle
   * @throws TwinStoreException if the store fails
   */
  String export(Vin vin, Viewer viewer);

  /** Closes the store; further calls fail with {@link TwinStoreException}. */
  @Override
  void close();
}
