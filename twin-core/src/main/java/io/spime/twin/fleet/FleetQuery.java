package io.spime.twin.fleet;

import io.spime.twin.TwinStore;
import io.spime.twin.custody.PartyId;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.AssetKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A question about the fleet, answered page by page by {@link TwinStore#fleet}, each from an index. */
public sealed interface FleetQuery {

  /** Vehicles in a lifecycle phase, by vehicle. */
  record InPhase(LifecyclePhase phase) implements FleetQuery {
    public InPhase {
      Objects.requireNonNull(phase, "phase");
    }
  }

  /** Vehicles of a make and model, of one model year if given; ordered by model year. */
  record OfModel(String make, String model, Optional<Integer> modelYear) implements FleetQuery {
    public OfModel {
      Objects.requireNonNull(make, "make");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(modelYear, "modelYear");
    }
  }

  /** Assets of a kind (cars, e-bikes, boats, …), by vehicle. */
  record OfKind(AssetKind kind) implements FleetQuery {
    public OfKind {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** Vehicles with this trouble code open, by vehicle. */
  record WithOpenDtc(String code) implements FleetQuery {
    public WithOpenDtc {
      Objects.requireNonNull(code, "code");
    }
  }

  /** Vehicles whose last battery state of health (event or telemetry) is below a percentage; lowest first. */
  record BatteryHealthBelow(double percent) implements FleetQuery {
    public BatteryHealthBelow {
      if (!Double.isFinite(percent)) {
        throw new IllegalArgumentException("percent must be a finite number, was " + percent);
      }
    }
  }

  /**
   * Vehicles with a lease (a custody term) or an active subscription whose last day is before a date;
   * soonest first, one entry per agreement.
   */
  record AgreementEndingBefore(LocalDate date) implements FleetQuery {
    public AgreementEndingBefore {
      Objects.requireNonNull(date, "date");
    }
  }

  /** Vehicles that were seen (telemetry or an event from the car) but not since an instant; longest silent first. */
  record NotSeenSince(Instant instant) implements FleetQuery {
    public NotSeenSince {
      Objects.requireNonNull(instant, "instant");
    }
  }

  /** Vehicles a party holds a custody role of now, by vehicle. */
  record InCustodyOf(PartyId party) implements FleetQuery {
    public InCustodyOf {
      Objects.requireNonNull(party, "party");
    }
  }

  /**
   * Vehicles whose history is about a party as a data subject: every vehicle it held a custody role
   * of, now or in an ended epoch, and any other whose events name it; by vehicle. An erased party has
   * none.
   */
  record AboutSubject(PartyId party) implements FleetQuery {
    public AboutSubject {
      Objects.requireNonNull(party, "party");
    }
  }

  /** Vehicles whose last accepted status (see {@link TwinStore#recordConnectivity}) is online, or offline; by vehicle. */
  record Online(boolean online) implements FleetQuery {}
}
