package io.spime.cloud.service.internal.api;

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
import io.spime.twin.customer.CustomerRecord;
import io.spime.twin.optin.Pseudonym;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /v1/partners/me/customers/{pseudonym}}: a partner reads the profile of a customer it knows by
 * its own pseudonym, only while the customer's opt-in to sharing with it is active; audited.
 */
final class PartnerRoutes {
  /** One answer for a pseudonym never issued, another partner's, without consent, or without a record. */
  static final String UNKNOWN = "you know no customer by this id who shares their data with you";
  private final Services s;

  PartnerRoutes(Services s) {
    this.s = s;
  }

  void customer(Context ctx) {
    Caller caller = Callers.of(ctx);
    if (caller.role() != Role.PARTNER) {
      throw ApiProblem.forbidden("only partners know customers by a pseudonym");
    }
    Pseudonym pseudonym = pseudonym(ctx.pathParam("pseudonym"));
    PartyId customer = s.store().optIns().resolvePseudonym(caller.party(), pseudonym)
        .orElseThrow(() -> ApiProblem.notFound(UNKNOWN));
    CustomerRecord record = s.store().customer(customer).orElseThrow(() -> ApiProblem.notFound(UNKNOWN));
    s.audit().record(new AuditEntry(Instant.now(), caller.party().value(), caller.role().claim(), customer.value(),
        Optional.empty(), "customer profile by pseudonym", "opt-in to sharing with " + caller.party()));
    ObjectNode out = Json.mapper().createObjectNode().put("pseudonym", pseudonym.value())
        .put("displayName", record.profile().displayName());
    ObjectNode preferences = out.putObject("preferences");
    record.profile().preferences().forEach(preferences::put);
    ctx.json(out);
  }

  /** The pseudonym of a path or body value; 400 naming {@code pseudonym} if malformed. */
  static Pseudonym pseudonym(String value) {
    try {
      return Pseudonym.of(value);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("pseudonym", e.getMessage());
    }
  }
}
