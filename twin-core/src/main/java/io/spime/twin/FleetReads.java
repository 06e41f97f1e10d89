package io.spime.twin;

import io.spime.twin.exceptions.InvalidCursorException;
import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.fleet.CarEvent;
import io.spime.twin.fleet.Connectivity;
import io.spime.twin.fleet.DailyRollup;
import io.spime.twin.fleet.FleetPage;
import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.fleet.SignalReading;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the store knows of cars beyond their journal: fleet queries over an index, latest signal
 * values, daily rollups of trend signals, connectivity and the events the cars raised.
 */
public interface FleetReads {

  /**
   * One page of vehicles matching a fleet query, read from an index.
   *
   * @throws InvalidCursorException if the page's cursor was not made by this query
   * @throws TwinStoreException if the store fails
   */
  FleetPage fleet(FleetQuery query, PageRequest page);

  /**
   * Latest value of every signal of the vehicle, by catalog signal id; empty if the vehicle is unknown.
   *
   * @throws TwinStoreException if the store fails
   */
  Map<Integer, SignalReading> latestSignals(AssetId vin);

  /**
   * Total samples applied for the vehicle (duplicates not counted); 0 if the vehicle is unknown.
   *
   * @throws TwinStoreException if the store fails
   */
  long samplesApplied(AssetId vin);

  /**
   * Daily rollups of one trend signal of a vehicle, for the UTC days from {@code from} to {@code to}
   * inclusive, oldest first; days without samples are absent.
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   * @throws TwinStoreException if the store fails
   */
  List<DailyRollup> dailyRollups(AssetId vin, int signalId, LocalDate from, LocalDate to);

  /**
   * Whether the car is connected, from its last accepted status; empty if no status was recorded.
   *
   * @throws TwinStoreException if the store fails
   */
  Optional<Connectivity> connectivity(AssetId vin);

  /**
   * The car's events from an instant on (inclusive), oldest first by the car's time, at most {@code
   * limit}; empty if the vehicle is unknown.
   *
   * @throws IllegalArgumentException if limit is below 1
   * @throws TwinStoreException if the store fails
   */
  List<CarEvent> carEvents(AssetId vin, Instant from, int limit);
}
