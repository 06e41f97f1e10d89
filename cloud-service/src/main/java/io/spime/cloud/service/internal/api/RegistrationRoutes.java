package io.spime.cloud.service.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.spime.cloud.service.Role;
import io.spime.cloud.service.internal.Services;
import io.spime.cloud.service.internal.auth.Caller;
import io.spime.cloud.service.internal.web.ApiProblem;
import io.spime.cloud.service.internal.web.Callers;
import io.spime.cloud.service.internal.web.Json;
import io.spime.twin.AppendResult;
import io.spime.twin.PendingEvent;
import io.spime.twin.Source;
import io.spime.twin.SourceKind;
import io.spime.twin.TwinEventJson;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.event.VehicleProduced;
import io.spime.twin.exceptions.ConcurrencyConflictException;
import io.spime.twin.exceptions.TwinException;
import io.spime.wire.AssetId;
import java.util.List;

/**
 * A car's registration: the production line's record, the first event of its twin, written by the
 * maker's technical side. A registered car is never registered again: the write is at revision 0.
 */
final class RegistrationRoutes {
  private final Services s;

  RegistrationRoutes(Services s) {
    this.s = s;
  }

  /**
   * {@code PUT /v1/twins/{vin}} with {@code If-Match: "0"} and the car's {@code VehicleProduced} record
   * as the body ({@code {"type":"VehicleProduced","identity":…,"production":…}}); 201 with the twin's
   * revision, 412 if the car has a twin already.
   */
  void register(Context ctx) {
    Caller caller = Callers.of(ctx);
    if (caller.role() != Role.OEM_TECHNICAL) {
      throw ApiProblem.forbidden("only the maker's technical staff register cars");
    }
    AssetId vin = TwinAccess.vin(ctx.pathParam("vin"));
    long expected = Bodies.ifMatch(ctx);
    VehicleProduced produced = produced(Bodies.object(ctx), vin);
    if (expected != 0) {
      throw ApiProblem.preconditionFailed("a car is registered at revision 0, its twin's first; If-Match must be \"0\"");
    }
    AppendResult result;
    try {
      result = s.store().append(vin, 0, List.of(PendingEvent.of(produced.production().builtAt(),
          Source.of(SourceKind.FACTORY, caller.party().value()), produced)));
    } catch (ConcurrencyConflictException e) {
      throw ApiProblem.preconditionFailed(vin + " is registered already: its twin is past revision 0");
    } catch (TwinException e) {
      throw ApiProblem.conflict("production", e.getMessage());
    }
    ctx.status(201).header("ETag", "\"" + result.revision() + "\"").header("Location", "/v1/twins/" + vin.value())
        .json(Json.mapper().createObjectNode().put("vin", vin.value()).put("revision", result.revision()));
  }

  /** The body as the car's production record; 400 naming what is wrong with it. */
  private static VehicleProduced produced(JsonNode body, AssetId vin) {
    TwinEvent event;
    try {
      event = TwinEventJson.parse(body.toString());
    } catch (TwinException e) {
      String why = String.valueOf(e.getMessage());
      throw ApiProblem.badRequest("body", "not a car's production record: "
          + (why.length() <= 300 ? why : why.substring(0, 300) + "…"));
    }
    if (!(event instanceof VehicleProduced produced)) {
      throw ApiProblem.badRequest("type", "a car is registered with its VehicleProduced record, not "
          + event.getClass().getSimpleName());
    }
    if (!produced.identity().vin().equals(vin)) {
      throw ApiProblem.badRequest("identity.vin", "the record is of " + produced.identity().vin()
          + ", not of " + vin + " the path names");
    }
    return produced;
  }
}
