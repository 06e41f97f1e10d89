package io.spime.cloud.service.internal.api;

import io.javalin.http.Context;
import io.spime.cloud.service.internal.auth.Caller;
import io.spime.cloud.service.internal.web.ApiProblem;
import io.spime.twin.FleetReads;
import io.spime.twin.Twin;
import io.spime.twin.TwinJournal;
import io.spime.twin.fleet.Connectivity;
import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.fleet.VehicleSummary;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.AssetKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fleet search with combined predicates (all must hold): one of them is answered from the store's
 * index (the driving query), the others are checked on each car it yields. A partner or customer
 * searches only the cars they hold custody of now: that is their driving query, whatever they ask.
 */
record FleetFilter(
    Optional<LifecyclePhase> phase,
    Optional<String> make,
    Optional<String> model,
    Optional<Long> modelYear,
    Optional<String> openDtc,
    Optional<Double> batteryBelow,
    Optional<LocalDate> agreementEndingBefore,
    Optional<Boolean> online,
    Optional<AssetKind> kind) {

  static FleetFilter of(Context ctx) {
    Optional<String> model = Params.text(ctx, "model");
    Optional<String> make = Params.text(ctx, "make");
    if (model.isPresent() != make.isPresent()) {
      throw ApiProblem.badRequest(model.isPresent() ? "make" : "model", "make and model go together");
    }
    return new FleetFilter(
        Params.text(ctx, "phase").map(p -> Params.enumValue(LifecyclePhase.class, "phase", p, LifecyclePhase::valueOf)),
        make, model, Params.number(ctx, "modelYear"), Params.text(ctx, "openDtc"),
        Params.decimal(ctx, "batteryBelow"), Params.date(ctx, "agreementEndingBefore"), Params.bool(ctx, "online"),
        Params.text(ctx, "kind").map(FleetFilter::kind));
  }

  private static AssetKind kind(String text) {
    try {
      return AssetKind.of(text);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("kind", e.getMessage());
    }
  }

  /** The store query that yields the candidates, for this caller. */
  FleetQuery driving(Caller caller) {
    if (!caller.role().isOem()) {
      return new FleetQuery.InCustodyOf(caller.party());
    }
    if (openDtc.isPresent()) {
      return new FleetQuery.WithOpenDtc(openDtc.get());
    }
    if (agreementEndingBefore.isPresent()) {
      return new FleetQuery.AgreementEndingBefore(agreementEndingBefore.get());
    }
    if (make.isPresent()) {
      return new FleetQuery.OfModel(make.get(), model.orElseThrow(), modelYear.map(Long::intValue));
    }
    if (phase.isPresent()) {
      return new FleetQuery.InPhase(phase.get());
    }
    if (kind.isPresent()) {
      return new FleetQuery.OfKind(kind.get());
    }
    if (batteryBelow.isPresent()) {
      return new FleetQuery.BatteryHealthBelow(batteryBelow.get());
    }
    if (online.isPresent()) {
      return new FleetQuery.Online(online.get());
    }
    throw ApiProblem.badRequest("phase",
        "give at least one of phase, kind, make and model, openDtc, batteryBelow, agreementEndingBefore, online");
  }

  /** Whether the car meets every predicate. */
  boolean matches(VehicleSummary v, TwinJournal journal, FleetReads fleet) {
    if (phase.isPresent() && !v.phase().equals(phase)) {
      return false;
    }
    if (kind.isPresent() && v.kind() != kind.get()) {
      return false;
    }
    if (make.isPresent() && !(v.make().equals(make) && v.model().equals(model))) {
      return false;
    }
    if (modelYear.isPresent() && !v.modelYear().map(Integer::longValue).equals(modelYear)) {
      return false;
    }
    if (batteryBelow.isPresent() && !v.batteryHealthPercent().map(b -> b < batteryBelow.get()).orElse(false)) {
      return false;
    }
    if (online.isPresent() && fleet.connectivity(v.vin()).map(Connectivity::online).orElse(false) != online.get()) {
      return false;
    }
    if (openDtc.isEmpty() && agreementEndingBefore.isEmpty()) {
      return true;
    }
    Optional<Twin> twin = journal.twin(v.vin());
    if (twin.isEmpty()) {
      return false;
    }
    if (openDtc.isPresent() && !twin.get().openDtcs().containsKey(openDtc.get())) {
      return false;
    }
    return agreementEndingBefore.isEmpty() || agreementEnds(twin.get(), agreementEndingBefore.get());
  }

  private static boolean agreementEnds(Twin twin, LocalDate before) {
    List<LocalDate> ends = new ArrayList<>();
    twin.currentEpoch().ifPresent(e -> e.holders().values().forEach(h -> h.term().ifPresent(t -> ends.add(t.end()))));
    twin.subscriptions().values().stream().filter(s -> s.active()).forEach(s -> ends.add(s.term().end()));
    return ends.stream().anyMatch(d -> d.isBefore(before));
  }
}
