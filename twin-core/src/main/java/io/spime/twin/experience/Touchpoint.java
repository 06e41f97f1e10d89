package io.spime.twin.experience;

import io.spime.twin.custody.PartyId;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One meeting of the maker or a partner with a customer: personal data of that customer. Recording a
 * touchpoint again under the same id replaces it (a service visit gets its end, a complaint its answer).
 *
 * @param id the caller's stable id, 1 to 64 characters of {@code A-Z a-z 0-9 . _ : -}
 * @param customer the customer met
 * @param phase where in the journey
 * @param channel how
 * @param start when it began
 * @param end when it ended, for what lasts (a service visit from drop-off to pick-up); empty while open
 *     or for a moment's contact
 * @param vehicle the car it was about, if any
 * @param agreement the agreement it was about, if any (its car is the touchpoint's vehicle)
 * @param outcome answered, resolved, satisfaction
 */
public record Touchpoint(
    String id,
    PartyId customer,
    JourneyPhase phase,
    Channel channel,
    Instant start,
    Optional<Instant> end,
    Optional<AssetId> vehicle,
    Optional<AgreementRef> agreement,
    TouchpointOutcome outcome) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  public Touchpoint {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("touchpoint id '" + id + "' must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
    }
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(vehicle, "vehicle");
    Objects.requireNonNull(agreement, "agreement");
    Objects.requireNonNull(outcome, "outcome");
    if (end.isPresent() && end.get().isBefore(start)) {
      throw new IllegalArgumentException("touchpoint " + id + " ends at " + end.get() + ", before its start " + start);
    }
    if (agreement.isPresent() && vehicle.isPresent() && !agreement.get().vin().equals(vehicle.get())) {
      throw new IllegalArgumentException("touchpoint " + id + " is about vehicle " + vehicle.get()
          + " but its agreement is on " + agreement.get().vin());
    }
    if (agreement.isPresent()) {
      vehicle = Optional.of(agreement.get().vin());
    }
  }

  /** A moment's touchpoint about no car, answered and resolved. */
  public static Touchpoint of(String id, PartyId customer, JourneyPhase phase, Channel channel, Instant at) {
    return new Touchpoint(id, customer, phase, channel, at, Optional.empty(), Optional.empty(), Optional.empty(),
        TouchpointOutcome.answeredAndResolved());
  }

  /** The same touchpoint ending at this instant. */
  public Touchpoint endingAt(Instant instant) {
    return new Touchpoint(id, customer, phase, channel, start, Optional.of(instant), vehicle, agreement, outcome);
  }

  /** The same touchpoint about this car. */
  public Touchpoint about(AssetId vin) {
    return new Touchpoint(id, customer, phase, channel, start, end, Optional.of(vin), Optional.empty(), outcome);
  }

  /** The same touchpoint about this agreement (and its car). */
  public Touchpoint about(AgreementRef ref) {
    return new Touchpoint(id, customer, phase, channel, start, end, Optional.of(ref.vin()), Optional.of(ref), outcome);
  }

  /** The same touchpoint with this outcome. */
  public Touchpoint withOutcome(TouchpointOutcome result) {
    return new Touchpoint(id, customer, phase, channel, start, end, vehicle, agreement, result);
  }
}
