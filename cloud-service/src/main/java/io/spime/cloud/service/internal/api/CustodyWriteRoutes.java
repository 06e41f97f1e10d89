package io.spime.cloud.service.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.spime.cloud.service.Role;
import io.spime.cloud.service.internal.Services;
import io.spime.cloud.service.internal.auth.Caller;
import io.spime.cloud.service.internal.web.ApiProblem;
import io.spime.cloud.service.internal.web.Json;
import io.spime.twin.AppendResult;
import io.spime.twin.PendingEvent;
import io.spime.twin.Source;
import io.spime.twin.SourceKind;
import io.spime.twin.custody.PartyId;
import io.spime.twin.customer.TouchpointKind;
import io.spime.twin.event.TouchpointRecorded;
import io.spime.twin.exceptions.ConcurrencyConflictException;
import io.spime.twin.exceptions.InvalidEventException;
import io.spime.twin.exceptions.UnknownCustomerException;
import io.spime.twin.optin.Pseudonym;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Touchpoints (customer care, a partner holding the car) and driver assignment (profile roaming). A
 * partner names customers by its own pseudonyms only.
 */
final class CustodyWriteRoutes {
  private static final int MAX_TEXT = 2000;
  private final Services s;

  CustodyWriteRoutes(Services s) {
    this.s = s;
  }

  /** Customer care, or a partner holding custody now, records a touchpoint at the If-Match revision. */
  void touchpoint(Context ctx) {
    WriteTarget target = writable(ctx, "record touchpoints");
    AssetId vin = target.vin();
    long expected = target.expected();
    JsonNode body = Bodies.object(ctx);
    TouchpointKind kind = Params.enumValue(TouchpointKind.class, "kind", Bodies.text(body, "kind"), TouchpointKind::valueOf);
    String outcome = bounded(body, "outcome", Bodies.text(body, "outcome"));
    Caller caller = target.caller();
    Optional<PartyId> customer = caller.role() == Role.PARTNER
        ? partnerCustomer(body).map(p -> PartnerRoutes.resolve(s, caller, p))
        : optionalText(body, "customer").map(c -> {
          try {
            return PartyId.of(c);
          } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("customer", e.getMessage());
          }
        });
    Optional<String> note = optionalText(body, "note").map(n -> bounded(body, "note", n));
    target.requireRevision();
    Source source = Source.of(caller.role() == Role.PARTNER ? SourceKind.DEALER : SourceKind.BACKEND,
        caller.party().value());
    AppendResult result;
    try {
      result = s.store().append(vin, expected, List.of(PendingEvent.of(Instant.now(), source,
          new TouchpointRecorded(kind, customer, outcome, note))));
    } catch (ConcurrencyConflictException e) {
      throw ApiProblem.preconditionFailed("the twin changed since revision " + expected + "; read it again");
    } catch (InvalidEventException e) {
      throw ApiProblem.conflict("kind", e.getMessage());
    }
    ctx.status(201).header("ETag", "\"" + result.revision() + "\"")
        .json(Json.mapper().createObjectNode().put("vin", vin.value()).put("revision", result.revision()));
  }

  /**
   * Assigns a customer as the car's driver; their profile roams to it if they consent. A partner names
   * the customer by its own pseudonym only ({@code {"pseudonym": …}}): only while the customer shares
   * with it, else (a master id too) the same 404 as an unknown pseudonym.
   */
  void assignDriver(Context ctx) {
    WriteTarget target = writable(ctx, "assign drivers");
    JsonNode body = Bodies.object(ctx);
    if (target.caller().role() == Role.PARTNER) {
      String named = partnerCustomer(body).orElseThrow(() ->
          ApiProblem.badRequest("pseudonym", "pseudonym is required: your id of the customer"));
      PartnerRoutes.resolve(s, target.caller(), named);
      assignByPseudonym(ctx, target, Pseudonym.of(named));
      return;
    }
    if (body.has("pseudonym")) {
      throw ApiProblem.badRequest("pseudonym", "only a partner names a driver by its pseudonym; use customer");
    }
    PartyId customer;
    try {
      customer = PartyId.of(Bodies.text(body, "customer"));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("customer", e.getMessage());
    }
    target.requireRevision();
    long desiredVersion;
    try {
      desiredVersion = target.downlink(s.ingest().downlink()).assignDriver(target.vin(), customer);
    } catch (UnknownCustomerException e) {
      throw ApiProblem.conflict("customer", "there is no customer record " + customer);
    } catch (InvalidEventException e) {
      throw ApiProblem.conflict("vin", e.getMessage());
    }
    target.desiredChanged(ctx, s.store(), desiredVersion);
  }

  private void assignByPseudonym(Context ctx, WriteTarget target, Pseudonym pseudonym) {
    target.requireRevision();
    long desiredVersion;
    try {
      desiredVersion = target.downlink(s.ingest().downlink()).assignPartnerDriver(target.vin(), target.caller().party(), pseudonym);
    } catch (UnknownCustomerException e) {
      throw ApiProblem.notFound(PartnerRoutes.UNKNOWN);
    } catch (InvalidEventException e) {
      throw ApiProblem.conflict("vin", e.getMessage());
    }
    target.desiredChanged(ctx, s.store(), desiredVersion);
  }

  /** Ends the car's driver assignment; the car goes back to its neutral settings. */
  void endDriver(Context ctx) {
    WriteTarget target = writable(ctx, "end driver assignments");
    target.requireRevision();
    long desiredVersion;
    try {
      desiredVersion = target.downlink(s.ingest().downlink()).endDriverAssignment(target.vin());
    } catch (InvalidEventException e) {
      throw ApiProblem.conflict("vin", e.getMessage());
    }
    target.desiredChanged(ctx, s.store(), desiredVersion);
  }

  /** Customer care on any car; a partner only on a car it holds custody of now. */
  private WriteTarget writable(Context ctx, String what) {
    WriteTarget t = WriteTarget.of(ctx, s.store(), Set.of(Role.OEM_CUSTOMER_CARE, Role.PARTNER),
        "only customer care and partners may " + what);
    if (t.caller().role() == Role.PARTNER
        && t.twin().currentEpoch().map(e -> !e.heldBy(t.caller().party())).orElse(true)) {
      throw ApiProblem.forbidden("a partner may " + what + " only for a car it holds custody of now");
    }
    return t;
  }

  /**
   * A partner's name of a customer: {@code pseudonym}, or {@code customer} read as a pseudonym too, so a
   * master id sent there answers as an unknown pseudonym does.
   */
  private static Optional<String> partnerCustomer(JsonNode body) {
    return optionalText(body, "pseudonym").or(() -> optionalText(body, "customer"));
  }

  private static Optional<String> optionalText(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isTextual()) {
      throw ApiProblem.badRequest(field, field + " must be a string");
    }
    return Optional.of(n.asText());
  }

  private static String bounded(JsonNode body, String field, String value) {
    if (value.isBlank() || value.length() > MAX_TEXT) {
      throw ApiProblem.badRequest(field, field + " must be 1 to " + MAX_TEXT + " characters");
    }
    return value;
  }
}
