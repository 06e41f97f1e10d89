package io.spime.sim.internal.office;

import io.spime.sim.internal.office.LifetimeScript.Step;
import io.spime.sim.internal.verify.RenewalCheck;
import io.spime.twin.PendingEvent;
import io.spime.twin.TwinStore;
import io.spime.twin.custody.PartyId;
import io.spime.twin.event.VehicleProduced;
import io.spime.twin.experience.RenewalCandidate;
import io.spime.twin.experience.RenewalPage;
import io.spime.twin.experience.RenewalQuery;
import io.spime.twin.experience.Touchpoint;
import io.spime.twin.fleet.PageRequest;
import io.spime.wire.AssetId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The {@code renewal} scenario's back office: every car is leased to a customer for three years,
 * ending one to eight weeks after the run, and those years are played out, accelerated, over the run
 * ({@link LeaseScript}): ordinary service for most, breakdowns, workshop stays, unanswered complaints
 * and low ratings for a seeded tenth of the fleet (at least one car, drawn from the run's seed). At the
 * end it asks the store for the leases due within {@value #WINDOW_DAYS} days, riskiest first, and
 * checks that the seeded customers are exactly the top ({@link RenewalCheck}).
 */
public final class RenewalOffice implements BackOffice {
  /** The ranking's window from the day the run ends. */
  public static final int WINDOW_DAYS = 90;
  /** One car in this many is seeded with a bad experience (at least one car). */
  public static final int SEEDED_ONE_IN = 10;
  private static final int PAGE = 500;

  private final TwinStore store;
  private final Random random;
  private final long startMillis;
  private final long durationMillis;
  private final Map<AssetId, LeaseScript> scripts = new HashMap<>();
  private final Map<AssetId, Integer> played = new HashMap<>();
  private Instant historyStart = Instant.EPOCH;
  private Instant historyEnd = Instant.EPOCH;
  private Optional<RenewalCheck> check = Optional.empty();
  private final List<String> violations = new ArrayList<>();

  public RenewalOffice(TwinStore store, long seed, long startMillis, Duration duration) {
    this.store = store;
    this.random = new Random(seed ^ 0x4E3E_3A1L);
    this.startMillis = startMillis;
    this.durationMillis = Math.max(1, duration.toMillis());
  }

  /** The cars seeded with a bad experience: a tenth of the fleet, at least one, drawn from {@code random}. */
  static Set<AssetId> seededCars(List<AssetId> cars, Random random) {
    List<AssetId> shuffled = new ArrayList<>(cars);
    Collections.shuffle(shuffled, random);
    int count = cars.isEmpty() ? 0 : Math.max(1, Math.round(cars.size() / (float) SEEDED_ONE_IN));
    return Set.copyOf(shuffled.subList(0, count));
  }

  @Override
  public void start(List<AssetId> cars, long nowMillis) {
    Instant now = Instant.ofEpochMilli(nowMillis);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Set<AssetId> seeded = seededCars(cars, random);
    historyStart = now;
    historyEnd = now.minus(Duration.ofDays(2));
    for (AssetId vin : cars) {
      if (store.twin(vin).isPresent()) {
        throw new IllegalStateException("the renewal scenario writes three years of history back-dated, which only a"
            + " new twin takes; the store already knows " + vin + ": use a new store");
      }
      LeaseScript script = LeaseScript.draw(vin, seeded.contains(vin), today, random);
      scripts.put(vin, script);
      played.put(vin, 0);
      store.append(vin, 0, pending(script.delivery()));
      Instant first = script.delivery().get(0).at();
      historyStart = first.isBefore(historyStart) ? first : historyStart;
    }
  }

  @Override
  public void tick(long nowMillis) {
    double progress = Math.min(1.0, (nowMillis - startMillis) / (double) durationMillis);
    Instant simulated = historyStart.plusMillis(
        (long) (progress * Duration.between(historyStart, historyEnd).toMillis()));
    for (LeaseScript script : scripts.values()) {
      playUntil(script, simulated);
    }
  }

  @Override
  public void finish(long nowMillis) {
    for (LeaseScript script : scripts.values()) {
      playUntil(script, Instant.MAX);
    }
    LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC);
    Set<PartyId> seeded = new HashSet<>();
    scripts.values().stream().filter(LeaseScript::seeded).forEach(s -> seeded.add(s.customer()));
    try {
      RenewalCheck result = RenewalCheck.of(ranking(today), seeded, scripts.size());
      check = Optional.of(result);
      violations.addAll(result.failures());
    } catch (IllegalArgumentException e) {
      violations.add("the renewal ranking could not be read: " + e.getMessage());
    }
  }

  @Override
  public List<String> violations() {
    return List.copyOf(violations);
  }

  @Override
  public Optional<RenewalCheck> renewals() {
    return check;
  }

  @Override
  public String summary() {
    if (check.isEmpty()) {
      return "renewals: no ranking";
    }
    RenewalCheck c = check.get();
    int k = c.seeded().size();
    return c.passed()
        ? String.format("renewals: the %d seeded customers rank #1 to #%d of the %d leases due within %d days",
            k, k, c.ranked(), WINDOW_DAYS)
        : String.format("renewals: the %d seeded customers are NOT the top %d of the %d leases due within %d days",
            k, k, c.ranked(), WINDOW_DAYS);
  }

  /** The fleet's leases due in the window, in the store's order, read a page at a time. */
  private List<RenewalCandidate> ranking(LocalDate today) {
    RenewalQuery query = new RenewalQuery(today, WINDOW_DAYS);
    List<RenewalCandidate> out = new ArrayList<>();
    RenewalPage page = store.renewals(query, PageRequest.first(PAGE));
    while (true) {
      page.candidates().stream().filter(c -> scripts.containsKey(c.agreement().vin())).forEach(out::add);
      if (page.next().isEmpty()) {
        return out;
      }
      page = store.renewals(query, PageRequest.after(page.next().get(), PAGE));
    }
  }

  private void playUntil(LeaseScript script, Instant simulated) {
    int done = played.get(script.vin());
    int upTo = done;
    List<Step> events = new ArrayList<>();
    List<Touchpoint> touchpoints = new ArrayList<>();
    while (upTo < script.episodes().size() && !script.episodes().get(upTo).at().isAfter(simulated)) {
      events.addAll(script.episodes().get(upTo).events());
      touchpoints.addAll(script.episodes().get(upTo).touchpoints());
      upTo++;
    }
    if (upTo == done) {
      return;
    }
    if (!events.isEmpty()) {
      store.appendAtHead(script.vin(), pending(events));
    }
    touchpoints.forEach(store::recordTouchpoint);
    played.put(script.vin(), upTo);
  }

  /** The steps as events: the production record from the factory, the rest from the back end. */
  private static List<PendingEvent> pending(List<Step> steps) {
    List<PendingEvent> out = new ArrayList<>(steps.size());
    for (Step step : steps) {
      out.add(PendingEvent.of(step.at(),
          step.event() instanceof VehicleProduced ? FleetRegistry.FACTORY : FleetRegistry.BACKEND, step.event()));
    }
    return out;
  }
}
