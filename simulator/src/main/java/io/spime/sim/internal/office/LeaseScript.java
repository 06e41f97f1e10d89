package io.spime.sim.internal.office;

import io.spime.sim.internal.office.LifetimeScript.Step;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Term;
import io.spime.twin.diagnostics.DtcSeverity;
import io.spime.twin.event.ConsentGranted;
import io.spime.twin.event.CustodyStarted;
import io.spime.twin.event.DtcCleared;
import io.spime.twin.event.DtcRaised;
import io.spime.twin.event.PhaseChanged;
import io.spime.twin.event.ServiceVisited;
import io.spime.twin.experience.AgreementKind;
import io.spime.twin.experience.AgreementRef;
import io.spime.twin.experience.Channel;
import io.spime.twin.experience.JourneyPhase;
import io.spime.twin.experience.Touchpoint;
import io.spime.twin.experience.TouchpointOutcome;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * One leased car's three years, accelerated: delivered to its lessee on the lease's first day (the
 * lease ending one to eight weeks after the run), serviced once a year, answered and content. A
 * <em>seeded</em> car has a bad time besides: two breakdowns, each raising the same two trouble codes,
 * taking the car off the road and into the workshop for a week or two, each followed by a complaint
 * nobody answers; a call answered but never resolved; low ratings; and a trouble code raised five to
 * eight weeks before the run that nobody has cleared since (a long-open one). The run plays the episodes out in
 * order over its duration; each carries its simulated time.
 *
 * @param vin the car
 * @param customer the lessee
 * @param term the lease
 * @param seeded whether the customer was served badly
 * @param delivery production, delivery and the lease, appended before the cars drive
 * @param episodes what happened afterwards, in time order
 */
record LeaseScript(AssetId vin, PartyId customer, Term term, boolean seeded, List<Step> delivery,
    List<Episode> episodes) {
  /** The codes a seeded car's breakdowns raise, each twice. */
  static final List<String> BREAKDOWN_CODES = List.of("P0AA6", "P0A7E");
  /** The code a seeded car has had open for weeks when the run ends. */
  static final String LONG_OPEN_CODE = "P0C78";
  private static final Duration HOURS_8 = Duration.ofHours(8);

  /**
   * What happens at one simulated time: twin events appended together (a breakdown's trip off the
   * road and back is never split), and touchpoints recorded with them.
   */
  record Episode(Instant at, List<Step> events, List<Touchpoint> touchpoints) {
    Episode {
      events = List.copyOf(events);
      touchpoints = List.copyOf(touchpoints);
    }
  }

  static LeaseScript draw(AssetId vin, boolean seeded, LocalDate today, Random random) {
    PartyId customer = PartyId.of("lessee-" + vin.value());
    LocalDate start = today.minusYears(3).minusDays(random.nextInt(20));
    Term term = Term.of(start, today.plusDays(7 + random.nextInt(54)));
    Instant handover = at(start).plus(HOURS_8);
    Lease lease = new Lease(vin.value(), new AgreementRef(vin, AgreementKind.LEASE, "LESSEE"), customer, start, handover);
    List<Episode> episodes = new ArrayList<>();
    episodes.add(new Episode(handover.plusSeconds(3600), List.of(), List.of(
        lease.touchpoint(":delivery", JourneyPhase.DELIVERY, Channel.DEALER, handover.plusSeconds(3600))
            .withOutcome(TouchpointOutcome.answeredAndResolved().rated(seeded ? 4 : 4 + random.nextInt(2))))));
    for (int year = 1; year <= 3; year++) {
      episodes.add(yearlyService(lease, year, seeded ? 2 : 4 + random.nextInt(2), random));
    }
    if (!seeded && random.nextInt(3) == 0) {
      episodes.add(unresolvedCall(lease, ":question", 400 + random.nextInt(200)));
    }
    if (seeded) {
      episodes.add(breakdown(lease, ":breakdown-1", 120 + random.nextInt(120), random));
      episodes.add(breakdown(lease, ":breakdown-2", 450 + random.nextInt(150), random));
      episodes.add(unresolvedCall(lease, ":claim", 800 + random.nextInt(100)));
      episodes.add(longOpenFault(lease, (int) ChronoUnit.DAYS.between(start, today) - 35 - random.nextInt(21)));
    }
    episodes.sort(Comparator.comparing(Episode::at));
    return new LeaseScript(vin, customer, term, seeded, delivery(vin, customer, term, handover), episodes);
  }

  /** One lease's names and days, for its episodes. */
  private record Lease(String id, AgreementRef ref, PartyId customer, LocalDate start, Instant handover) {
    /** A touchpoint about the lease, its id this lease's with {@code suffix}. */
    Touchpoint touchpoint(String suffix, JourneyPhase phase, Channel channel, Instant at) {
      return Touchpoint.of(id + suffix, customer, phase, channel, at).about(ref);
    }

    /** 08:00 on the {@code day}th day of the lease. */
    Instant morning(int day) {
      return at(start.plusDays(day)).plus(HOURS_8);
    }
  }

  /** Produced a month before the lease, shipped, stocked, delivered and leased; the lessee consents to all. */
  private static List<Step> delivery(AssetId vin, PartyId customer, Term term, Instant handover) {
    Instant born = at(term.start().minusDays(30));
    List<Step> delivery = new ArrayList<>(List.of(
        new Step(born, FleetRegistry.produced(vin, born)),
        new Step(born.plus(Duration.ofDays(3)), new PhaseChanged(LifecyclePhase.IN_TRANSIT, "shipped")),
        new Step(born.plus(Duration.ofDays(20)), new PhaseChanged(LifecyclePhase.IN_STOCK, "at the dealer")),
        new Step(handover, new PhaseChanged(LifecyclePhase.IN_SERVICE, "delivered")),
        new Step(handover, CustodyStarted.lessee(customer, term))));
    for (DataCategory category : DataCategory.values()) {
      delivery.add(new Step(handover, new ConsentGranted(customer, category)));
    }
    return delivery;
  }

  /** The yearly inspection, two months before each anniversary: a day in the workshop, rated. */
  private static Episode yearlyService(Lease lease, int year, int stars, Random random) {
    Instant visit = lease.morning(365 * year - 60);
    return new Episode(visit,
        List.of(new Step(visit, new ServiceVisited("workshop-" + (1 + random.nextInt(9)),
            odometerKm(lease.handover(), visit), List.of("annual inspection"), List.of()))),
        List.of(lease.touchpoint(":service-" + year, JourneyPhase.SERVICE, Channel.WORKSHOP, visit)
            .endingAt(visit.plus(Duration.ofHours(9))).withOutcome(TouchpointOutcome.answeredAndResolved().rated(stars))));
  }

  /** A call on the {@code day}th day of the lease, answered but never resolved. */
  private static Episode unresolvedCall(Lease lease, String suffix, int day) {
    Instant call = lease.morning(day);
    return new Episode(call, List.of(), List.of(lease.touchpoint(suffix, JourneyPhase.OWNERSHIP, Channel.PHONE, call)
        .withOutcome(TouchpointOutcome.answeredNotResolved())));
  }

  /**
   * The car breaks down: both codes raised, off the road, a week or two in the workshop (drop-off to
   * pick-up, rated one star), the codes cleared and the car back on the road; an e-mail complaint a
   * day after the pick-up that nobody answers.
   */
  private static Episode breakdown(Lease lease, String suffix, int day, Random random) {
    Instant failed = lease.morning(day);
    Instant dropOff = failed.plus(Duration.ofDays(1));
    Instant pickUp = dropOff.plus(Duration.ofDays(6 + random.nextInt(7)));
    List<Step> events = new ArrayList<>();
    for (String code : BREAKDOWN_CODES) {
      events.add(new Step(failed, new DtcRaised(code, DtcSeverity.CRITICAL, "breakdown")));
    }
    events.add(new Step(failed.plusSeconds(600), new PhaseChanged(LifecyclePhase.OFF_ROAD, "breakdown")));
    events.add(new Step(pickUp, new ServiceVisited("workshop-1", odometerKm(lease.handover(), failed),
        List.of("breakdown repair"), List.of())));
    for (String code : BREAKDOWN_CODES) {
      events.add(new Step(pickUp, new DtcCleared(code)));
    }
    events.add(new Step(pickUp, new PhaseChanged(LifecyclePhase.IN_SERVICE, "repaired")));
    return new Episode(failed, events, List.of(
        lease.touchpoint(suffix + ":stay", JourneyPhase.SERVICE, Channel.WORKSHOP, dropOff).endingAt(pickUp)
            .withOutcome(TouchpointOutcome.answeredAndResolved().rated(1)),
        lease.touchpoint(suffix + ":complaint", JourneyPhase.SERVICE, Channel.EMAIL, pickUp.plus(Duration.ofDays(1)))
            .withOutcome(TouchpointOutcome.unanswered())));
  }

  /** A fault on the {@code day}th day of the lease that stays open: the car drives on with its warning. */
  private static Episode longOpenFault(Lease lease, int day) {
    Instant raised = lease.morning(day);
    return new Episode(raised, List.of(new Step(raised,
        new DtcRaised(LONG_OPEN_CODE, DtcSeverity.WARNING, "drive motor inverter temperature sensor"))), List.of());
  }

  /** The odometer at a time of the lease: 40 km a day since the handover. */
  private static long odometerKm(Instant handover, Instant at) {
    return 40 * Duration.between(handover, at).toDays();
  }

  private static Instant at(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
