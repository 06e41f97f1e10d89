package io.spime.sim.internal.office;

import io.spime.cloud.sync.FleetIngest;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.twin.TwinStore;
import io.spime.twin.custody.PartyId;
import io.spime.twin.customer.CustomerProfile;
import io.spime.twin.event.ConsentGranted;
import io.spime.twin.event.TwinEvent;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The {@code rental-fleet} scenario's back office: the cars belong to a rental fleet; customers rent
 * a free car for a while, return it, and later rent another. Each rental assigns the customer as the
 * car's driver through the ingest, so their profile follows them from car to car — but only for
 * customers who consent to cabin-preference sharing (every fourth does not). Before a rental ends the
 * desk checks, in the car's twin, that the car reported the profile it had to apply: the customer's,
 * or the neutral one for a customer without that consent.
 */
public final class RentalDesk implements BackOffice {
  static final PartyId FLEET = PartyId.of("rent-a-volta");

  private final FleetIngest ingest;
  private final TwinStore store;
  private final Random random;
  private final ScenarioSpec.Range rental;
  private final Map<AssetId, Rental> rented = new HashMap<>();
  private final Map<AssetId, Long> freeUntil = new HashMap<>();
  private final Deque<PartyId> waiting = new ArrayDeque<>();
  private final Set<PartyId> withoutCabinConsent = new java.util.HashSet<>();
  private final List<String> violations = new ArrayList<>();
  private int rentals;
  private int profilesFollowed;

  private record Rental(PartyId customer, long until) {}

  public RentalDesk(FleetIngest ingest, TwinStore store, long seed, ScenarioSpec.Range rental) {
    this.ingest = ingest;
    this.store = store;
    this.random = new Random(seed ^ 0x4E7A_1L);
    this.rental = rental;
  }

  @Override
  public void start(List<AssetId> cars, long nowMillis) {
    FleetRegistry registry = new FleetRegistry(store);
    Instant delivered = Instant.ofEpochMilli(nowMillis).minus(Duration.ofHours(1));
    for (AssetId vin : cars) {
      List<TwinEvent> consents = new ArrayList<>();
      for (DataCategory category : DataCategory.values()) {
        consents.add(new ConsentGranted(FLEET, category));
      }
      registry.deliverToFleet(vin, FLEET, delivered, consents);
      freeUntil.put(vin, nowMillis + random.nextInt(5_000));
    }
    int customers = Math.max(2, cars.size() * 3 / 2);
    for (int i = 1; i <= customers; i++) {
      PartyId customer = PartyId.of(String.format("customer-%05d", i));
      Set<DataCategory> consents = EnumSet.allOf(DataCategory.class);
      if (i % 4 == 0) {
        consents.remove(DataCategory.CABIN_PREFERENCES);
        withoutCabinConsent.add(customer);
      }
      store.putCustomer(customer, 0, new CustomerProfile("Customer " + i, preferences(), consents));
      waiting.add(customer);
    }
  }

  @Override
  public void tick(long nowMillis) {
    for (Map.Entry<AssetId, Rental> entry : List.copyOf(rented.entrySet())) {
      if (nowMillis >= entry.getValue().until()) {
        giveBack(entry.getKey(), entry.getValue(), nowMillis);
      }
    }
    for (Map.Entry<AssetId, Long> entry : List.copyOf(freeUntil.entrySet())) {
      if (nowMillis >= entry.getValue() && !waiting.isEmpty()) {
        PartyId customer = waiting.poll();
        freeUntil.remove(entry.getKey());
        ingest.downlink().assignDriver(entry.getKey(), customer);
        rented.put(entry.getKey(), new Rental(customer, nowMillis + pick(rental)));
        rentals++;
      }
    }
  }

  @Override
  public void finish(long nowMillis) {
    for (Map.Entry<AssetId, Rental> entry : List.copyOf(rented.entrySet())) {
      giveBack(entry.getKey(), entry.getValue(), nowMillis);
    }
  }

  @Override
  public List<String> violations() {
    return List.copyOf(violations);
  }

  @Override
  public String summary() {
    return String.format("rentals: %d, profile followed the customer in %d, not in %d",
        rentals, profilesFollowed, rentals - profilesFollowed);
  }

  private void giveBack(AssetId vin, Rental rental, long nowMillis) {
    String expected = withoutCabinConsent.contains(rental.customer()) ? "" : rental.customer().value();
    String reported = store.twin(vin).orElseThrow().reported().values().getOrDefault("profile.customer", "none");
    if (reported.equals(expected)) {
      profilesFollowed++;
    } else {
      violations.add(String.format("%s rented by %s: the car reported profile '%s', expected '%s'",
          vin, rental.customer(), reported, expected));
    }
    ingest.downlink().endDriverAssignment(vin);
    rented.remove(vin);
    waiting.add(rental.customer());
    freeUntil.put(vin, nowMillis + 1_000 + random.nextInt(4_000));
  }

  private long pick(ScenarioSpec.Range range) {
    long min = range.min().toMillis();
    return min + (long) (random.nextDouble() * (range.max().toMillis() - min));
  }

  private Map<String, String> preferences() {
    return Map.of(
        "seat.foreAftPercent", Integer.toString(random.nextInt(101)),
        "seat.heightPercent", Integer.toString(random.nextInt(101)),
        "seat.reclinePercent", Integer.toString(random.nextInt(101)),
        "climate.temperatureC", Integer.toString(18 + random.nextInt(8)),
        "media.presets", List.of("jazz", "news", "classic", "podcast").get(random.nextInt(4)));
  }
}
