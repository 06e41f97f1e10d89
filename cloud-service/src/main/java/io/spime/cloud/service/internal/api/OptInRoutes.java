package io.spime.cloud.service.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.spime.cloud.service.internal.Services;
import io.spime.cloud.service.internal.audit.AuditEntry;
import io.spime.cloud.service.internal.web.ApiProblem;
import io.spime.cloud.service.internal.web.Json;
import io.spime.twin.custody.PartyId;
import io.spime.twin.exceptions.NoConsentException;
import io.spime.twin.experience.Channel;
import io.spime.twin.optin.OptIn;
import io.spime.twin.optin.OptInGrant;
import io.spime.twin.optin.Purpose;
import io.spime.twin.optin.PurposeKind;
import io.spime.twin.optin.Withdrawal;
import io.spime.wire.DataCategory;
import java.time.Instant;
import java.util.Optional;

/**
 * A customer's opt-ins with a purpose: given and withdrawn by the customer, or by customer care on their
 * behalf; read (audited) by the same. Withdrawing sharing with a partner ends the customer's driver
 * assignments on that partner's cars.
 */
final class OptInRoutes {
  private final Services s;

  OptInRoutes(Services s) {
    this.s = s;
  }

  /** {@code POST /v1/customers/{party}/optins}: records an opt-in given now; 201. */
  void grant(Context ctx) {
    CustomerAccess access = CustomerAccess.of(ctx, "or give opt-ins");
    JsonNode body = Bodies.object(ctx);
    Purpose purpose = OptInJson.purpose(body);
    PartyId recipient = OptInJson.recipient(body, purpose);
    String version = Bodies.text(body, "textVersion");
    Channel channel = OptInJson.channel(body);
    OptInGrant grant;
    try {
      grant = new OptInGrant(access.party(), purpose, recipient, version, channel, Instant.now());
    } catch (IllegalArgumentException e) {
      String field = e.getMessage().startsWith("textVersion") ? "textVersion"
          : e.getMessage().contains("placeholder") ? "party" : "recipient";
      throw ApiProblem.badRequest(field, e.getMessage());
    }
    OptIn given;
    try {
      given = s.store().optIns().grantOptIn(grant);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.conflict("purpose", e.getMessage());
    }
    ObjectNode out = OptInJson.optIn(given);
    telemetryOnCars(access.party(), purpose, true, out);
    if (purpose.kind() == PurposeKind.PARTNER_SHARING) {
      try {
        out.put("pseudonym", s.store().optIns().pseudonymFor(access.party(), recipient).value());
      } catch (NoConsentException e) {
        throw ApiProblem.conflict("purpose", "the opt-in was withdrawn while it was being given; give it again");
      }
    }
    ctx.status(201).json(out);
  }

  /** {@code POST /v1/customers/{party}/optins/withdrawals}: withdraws the current opt-in now; 404 if none. */
  void withdraw(Context ctx) {
    CustomerAccess access = CustomerAccess.of(ctx, "or withdraw opt-ins");
    JsonNode body = Bodies.object(ctx);
    Purpose purpose = OptInJson.purpose(body);
    PartyId recipient = OptInJson.recipient(body, purpose);
    Channel channel = OptInJson.channel(body);
    OptIn withdrawn = s.store().optIns()
        .withdrawOptIn(access.party(), purpose, recipient, new Withdrawal(Instant.now(), channel))
        .orElseThrow(() -> ApiProblem.notFound("customer " + access.party() + " has no active opt-in to " + purpose
            + " for " + recipient));
    ObjectNode out = OptInJson.optIn(withdrawn);
    telemetryOnCars(access.party(), purpose, false, out);
    if (purpose.kind() == PurposeKind.PARTNER_SHARING) {
      out.put("driverAssignmentsEnded", s.ingest().downlink().endPartnerDriving(access.party(), recipient));
    }
    ctx.json(out);
  }

  /**
   * A telemetry opt-in reaches the cars the customer holds now: their consent to the category is set on
   * each twin and published to the car, whose filter then sends or stops that data.
   */
  private void telemetryOnCars(PartyId customer, Purpose purpose, boolean granted, ObjectNode out) {
    if (purpose.kind() == PurposeKind.TELEMETRY) {
      out.put("carsUpdated", s.ingest().downlink()
          .setCustomerConsent(customer, DataCategory.valueOf(purpose.scope()), granted));
    }
  }

  /** {@code GET /v1/customers/{party}/optins}: the current opt-ins and the whole history; audited. */
  void list(Context ctx) {
    CustomerAccess access = CustomerAccess.of(ctx, "opt-ins");
    s.audit().record(new AuditEntry(Instant.now(), access.caller().party().value(), access.caller().role().claim(),
        access.party().value(), Optional.empty(), "opt-ins", access.basis()));
    ObjectNode out = Json.mapper().createObjectNode().put("customer", access.party().value());
    ArrayNode current = out.putArray("current");
    s.store().optIns().currentOptIns(access.party()).forEach(o -> current.add(OptInJson.optIn(o)));
    out.set("history", history(s, access.party()));
    ctx.json(out);
  }

  /** Every opt-in of the customer, in the order given. */
  static ArrayNode history(Services s, PartyId customer) {
    ArrayNode history = Json.mapper().createArrayNode();
    s.store().optIns().optInHistory(customer).forEach(o -> history.add(OptInJson.optIn(o)));
    return history;
  }
}
