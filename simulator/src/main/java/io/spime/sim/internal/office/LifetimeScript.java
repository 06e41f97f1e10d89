package io.spime.sim.internal.office;

import io.spime.twin.battery.BatteryCondition;
import io.spime.twin.battery.BatteryFate;
import io.spime.twin.battery.RecoveredMaterial;
import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.PartyId;
import io.spime.twin.event.BatteryMeasured;
import io.spime.twin.event.ConsentGranted;
import io.spime.twin.event.CustodyEnded;
import io.spime.twin.event.CustodyStarted;
import io.spime.twin.event.Deregistered;
import io.spime.twin.event.Dismantled;
import io.spime.twin.event.PhaseChanged;
import io.spime.twin.event.Recycled;
import io.spime.twin.event.ServiceVisited;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * One car's whole life, accelerated: produced {@code years} ago, delivered, a first owner, yearly
 * service and battery checks as the battery ages, a resale to a second owner, then off the road,
 * deregistered, dismantled and recycled shortly before now. The run plays the steps out in order over
 * its duration; each step carries its simulated time, so the twin's history reads as the car lived it.
 */
record LifetimeScript(AssetId vin, List<Step> steps) {

  /** A back-end event at a simulated instant. */
  record Step(Instant at, TwinEvent event) {}

  static LifetimeScript draw(AssetId vin, int years, Instant now, Random random) {
    Instant born = now.minus(Duration.ofDays(365L * years));
    Instant end = now.minus(Duration.ofDays(2));
    long lifeDays = Duration.between(born, end).toDays();
    List<Step> steps = new ArrayList<>();
    PartyId first = PartyId.of("owner-" + vin.value().substring(11) + "-1");
    PartyId second = PartyId.of("owner-" + vin.value().substring(11) + "-2");
    steps.add(new Step(born.plus(Duration.ofDays(3)), new PhaseChanged(LifecyclePhase.IN_TRANSIT, "shipped")));
    steps.add(new Step(born.plus(Duration.ofDays(20)), new PhaseChanged(LifecyclePhase.IN_STOCK, "at the dealer")));
    steps.add(new Step(born.plus(Duration.ofDays(40)), new PhaseChanged(LifecyclePhase.IN_SERVICE, "sold")));
    steps.add(new Step(born.plus(Duration.ofDays(40)), new CustodyStarted(CustodyRole.OWNER, first, Optional.empty())));
    for (DataCategory category : DataCategory.values()) {
      steps.add(new Step(born.plus(Duration.ofDays(40)), new ConsentGranted(first, category)));
    }
    double health = 100 + random.nextDouble();
    long cycles = 0;
    long odometer = 0;
    int resaleYear = Math.max(1, years / 2);
    for (int year = 1; year < years; year++) {
      Instant at = born.plus(Duration.ofDays(365L * year));
      odometer += 12_000 + random.nextInt(8_000);
      cycles += 60 + random.nextInt(40);
      health -= 1.5 + random.nextDouble() * 1.5;
      steps.add(new Step(at, new ServiceVisited("workshop-" + (1 + random.nextInt(9)), odometer,
          List.of("annual inspection"), List.of())));
      steps.add(new Step(at.plusSeconds(3600), new BatteryMeasured(
          new BatteryCondition(health, cycles, 77 * health / 100))));
      if (year == resaleYear) {
        Instant sale = at.plus(Duration.ofDays(30));
        steps.add(new Step(sale, new CustodyEnded(CustodyRole.OWNER, "sold")));
        steps.add(new Step(sale, new CustodyStarted(CustodyRole.OWNER, second, Optional.empty())));
        for (DataCategory category : DataCategory.values()) {
          steps.add(new Step(sale, new ConsentGranted(second, category)));
        }
      }
    }
    Instant offRoad = born.plus(Duration.ofDays(lifeDays - 30));
    steps.add(new Step(offRoad, new PhaseChanged(LifecyclePhase.OFF_ROAD, "end of use")));
    steps.add(new Step(offRoad.plus(Duration.ofDays(10)), new Deregistered("KBA", "end of life")));
    steps.add(new Step(offRoad.plus(Duration.ofDays(20)), new Dismantled("ATF-7",
        List.of(new RecoveredMaterial("steel", 900)), Optional.of(BatteryFate.SECOND_LIFE))));
    steps.add(new Step(end, new Recycled("recycler-3",
        List.of(new RecoveredMaterial("aluminium", 150), new RecoveredMaterial("copper", 40)))));
    return new LifetimeScript(vin, steps);
  }

  /** When the car was produced: the first step's time minus the three days it waited for shipping. */
  Instant born() {
    return steps.get(0).at().minus(Duration.ofDays(3));
  }
}
