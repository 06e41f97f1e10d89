package io.spime.cloud.service.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.spime.cloud.service.Role;
import io.spime.cloud.service.internal.Services;
import io.spime.cloud.service.internal.auth.Caller;
import io.spime.cloud.service.internal.web.ApiProblem;
import io.spime.cloud.service.internal.web.Callers;
import io.spime.twin.custody.PartyId;
import io.spime.twin.experience.AgreementKind;
import io.spime.twin.experience.AgreementRef;
import io.spime.twin.experience.Channel;
import io.spime.twin.experience.JourneyPhase;
import io.spime.twin.experience.Touchpoint;
import io.spime.twin.experience.TouchpointOutcome;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;

/** {@code PUT /v1/customers/{party}/touchpoints/{id}}: customer care records or replaces a touchpoint. */
final class ExperienceWriteRoutes {
  private final Services s;

  ExperienceWriteRoutes(Services s) {
    this.s = s;
  }

  void put(Context ctx) {
    Caller caller = Callers.of(ctx);
    if (caller.role() != Role.OEM_CUSTOMER_CARE) {
      throw ApiProblem.forbidden("only customer care records a customer's touchpoints");
    }
    PartyId party = parsed("party", () -> PartyId.of(ctx.pathParam("party")));
    String id = ctx.pathParam("id");
    JsonNode body = Bodies.object(ctx);
    JourneyPhase phase = Params.enumValue(JourneyPhase.class, "phase", Bodies.text(body, "phase"), JourneyPhase::valueOf);
    Channel channel = Params.enumValue(Channel.class, "channel", Bodies.text(body, "channel"), Channel::valueOf);
    Instant start = instant(body, "start").orElseThrow(() -> ApiProblem.badRequest("start", "start is required"));
    Optional<Instant> end = instant(body, "end");
    Optional<AssetId> vin = optional(body, "vin").map(v -> parsed("vin", () -> AssetId.parseLenient(v)));
    Optional<AgreementRef> agreement = Optional.empty();
    JsonNode a = body.get("agreement");
    if (a != null) {
      if (!a.isObject() || vin.isEmpty()) {
        throw ApiProblem.badRequest("agreement", "agreement must be an object {kind, reference} with the touchpoint's vin");
      }
      AgreementKind kind = Params.enumValue(AgreementKind.class, "agreement.kind", Bodies.text(a, "kind"),
          AgreementKind::valueOf);
      String reference = Bodies.text(a, "reference");
      agreement = Optional.of(parsed("agreement.reference", () -> new AgreementRef(vin.get(), kind, reference)));
    }
    JsonNode o = body.get("outcome");
    if (o == null || !o.isObject()) {
      throw ApiProblem.badRequest("outcome", "outcome is required: {answered, resolved, satisfaction?}");
    }
    OptionalInt stars = o.has("satisfaction")
        ? OptionalInt.of((int) Bodies.number(o, "satisfaction", 1, 5)) : OptionalInt.empty();
    TouchpointOutcome outcome = new TouchpointOutcome(Bodies.bool(o, "answered"), Bodies.bool(o, "resolved"), stars);
    Optional<AgreementRef> about = agreement;
    Touchpoint t = parsed("id", () -> new Touchpoint(id, party, phase, channel, start, end, vin, about, outcome));
    try {
      s.store().recordTouchpoint(t);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.conflict("id", e.getMessage());
    }
    ctx.json(ExperienceJson.touchpoint(t));
  }

  private interface Parse<T> {
    T get();
  }

  private static <T> T parsed(String field, Parse<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(field, e.getMessage());
    }
  }

  private static Optional<String> optional(JsonNode body, String field) {
    return body.has(field) ? Optional.of(Bodies.text(body, field)) : Optional.empty();
  }

  private static Optional<Instant> instant(JsonNode body, String field) {
    return optional(body, field).map(text -> {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw ApiProblem.badRequest(field, field + " must be an ISO-8601 instant such as 2030-01-31T12:00:00Z");
      }
    });
  }
}
