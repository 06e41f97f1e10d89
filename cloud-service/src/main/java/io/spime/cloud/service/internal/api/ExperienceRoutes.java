package io.spime.cloud.service.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.spime.cloud.service.Role;
import io.spime.cloud.service.internal.Services;
import io.spime.cloud.service.internal.audit.AuditEntry;
import io.spime.cloud.service.internal.auth.Caller;
import io.spime.cloud.service.internal.web.ApiProblem;
import io.spime.cloud.service.internal.web.Callers;
import io.spime.cloud.service.internal.web.Json;
import io.spime.twin.custody.PartyId;
import io.spime.twin.exceptions.InvalidCursorException;
import io.spime.twin.experience.JourneyPhase;
import io.spime.twin.experience.RenewalCandidate;
import io.spime.twin.experience.RenewalPage;
import io.spime.twin.experience.RenewalQuery;
import io.spime.twin.experience.TimelinePage;
import io.spime.twin.experience.TimelineQuery;
import io.spime.twin.fleet.PageRequest;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A customer's experience timeline and the renewals due ranked by risk: personal data, so only
 * customer care and the customer themself (their own timeline, their own agreements); every customer
 * shown is audited.
 */
final class ExperienceRoutes {
  private final Services s;

  ExperienceRoutes(Services s) {
    this.s = s;
  }

  /** {@code GET /v1/customers/{party}/timeline}. */
  void timeline(Context ctx) {
    CustomerAccess access = CustomerAccess.of(ctx, "a customer's timeline");
    PartyId party = access.party();
    TimelineQuery query = TimelineQuery.of(party);
    Optional<String> phase = Params.text(ctx, "phase");
    if (phase.isPresent()) {
      query = query.inPhase(Params.enumValue(JourneyPhase.class, "phase", phase.get(), JourneyPhase::valueOf));
    }
    Optional<String> vin = Params.text(ctx, "vin");
    if (vin.isPresent()) {
      try {
        query = query.about(AssetId.parseLenient(vin.get()));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badRequest("vin", e.getMessage());
      }
    }
    Optional<Instant> from = Params.instant(ctx, "from");
    Optional<Instant> before = Params.instant(ctx, "before");
    try {
      query = new TimelineQuery(query.customer(), query.phase(), query.vehicle(), from, before);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("before", e.getMessage());
    }
    String kind = "timeline:" + party;
    PageRequest page = new PageRequest(Params.limit(ctx, 100, 1000), Cursors.decode(kind, ctx.queryParam("cursor")));
    TimelinePage result;
    try {
      result = s.store().timeline(query, page);
    } catch (InvalidCursorException e) {
      throw ApiProblem.badRequest("cursor", "the cursor belongs to another timeline query; start again without it");
    }
    s.audit().record(new AuditEntry(Instant.now(), access.caller().party().value(), access.caller().role().claim(),
        party.value(), Optional.empty(), "experience timeline", access.basis()));
    ObjectNode out = Json.mapper().createObjectNode();
    ArrayNode items = out.putArray("touchpoints");
    result.touchpoints().forEach(t -> items.add(ExperienceJson.touchpoint(t)));
    result.next().ifPresent(c -> out.put("next", Cursors.encode(kind, c)));
    ctx.json(out);
  }

  /**
   * {@code GET /v1/renewals?withinDays=N}: due from today (UTC) on. A customer sees only their own
   * agreements, so one of their pages may hold fewer than {@code limit}; follow {@code next}.
   */
  void renewals(Context ctx) {
    Caller caller = Callers.of(ctx);
    if (caller.role() != Role.OEM_CUSTOMER_CARE && caller.role() != Role.CUSTOMER) {
      throw ApiProblem.forbidden("only customer care and customers (their own agreements) may read renewals");
    }
    long days = Params.number(ctx, "withinDays")
        .orElseThrow(() -> ApiProblem.badRequest("withinDays", "withinDays is required: the days from today to look ahead"));
    if (days < 0 || days > RenewalQuery.MAX_DAYS) {
      throw ApiProblem.badRequest("withinDays", "withinDays must be 0 to " + RenewalQuery.MAX_DAYS + ", was " + days);
    }
    RenewalQuery query = new RenewalQuery(LocalDate.now(ZoneOffset.UTC), (int) days);
    String kind = "renewals:" + query.today() + ":" + days;
    PageRequest page = new PageRequest(Params.limit(ctx, 100, 1000), Cursors.decode(kind, ctx.queryParam("cursor")));
    RenewalPage result;
    try {
      result = s.store().renewals(query, page);
    } catch (InvalidCursorException e) {
      throw ApiProblem.badRequest("cursor", "the cursor belongs to another window or day; start again without it");
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("withinDays", e.getMessage());
    }
    ObjectNode out = Json.mapper().createObjectNode().put("today", query.today().toString()).put("withinDays", days);
    ArrayNode items = out.putArray("renewals");
    for (RenewalCandidate r : result.candidates()) {
      boolean own = r.customer().equals(caller.party());
      if (caller.role() == Role.OEM_CUSTOMER_CARE || own) {
        items.add(ExperienceJson.renewal(r));
        s.audit().record(new AuditEntry(Instant.now(), caller.party().value(), caller.role().claim(),
            r.customer().value(), Optional.of(r.agreement().vin().value()), "renewal and its experience signals",
            own ? "own data" : "customer care"));
      }
    }
    result.next().ifPresent(c -> out.put("next", Cursors.encode(kind, c)));
    ctx.json(out);
  }
}
