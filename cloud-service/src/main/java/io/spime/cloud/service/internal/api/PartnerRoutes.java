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
 * its own pseudonym, only while the customer's opt-in to sharing with it is active; audited. Partners
 * address customers by their own pseudonyms only, here and in every write ({@link #resolve}).
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
    String pseudonym = ctx.pathParam("pseudonym");
    PartyId customer = resolve(s, caller, pseudonym);
    CustomerRecord record = s.store().customer(customer).orElseThrow(() -> ApiProblem.notFound(UNKNOWN));
    s.audit().record(new AuditEntry(Instant.now(), caller.party().value(), caller.role().claim(), customer.value(),
        Optional.empty(), "customer profile by pseudonym", "opt-in to sharing with " + caller.party()));
    ObjectNode out = Json.mapper().createObjectNode().put("pseudonym", pseudonym)
        .put("displayName", record.profile().displayName());
    ObjectNode preferences = out.putObject("preferences");
    record.profile().preferences().forEach(preferences::put);
    ctx.json(out);
  }

  /**
   * The customer a partner names by this text: one of its own pseudonyms of a customer sharing with it.
   * Anything else (a master customer id, another partner's pseudonym, a withdrawn opt-in, text of any
   * other form) is the same 404, so the answer never tells whether such a customer exists.
   */
  static PartyId resolve(Services s, Caller partner, String text) {
    Pseudonym pseudonym;
    try {
      pseudonym = Pseudonym.of(text);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.notFound(UNKNOWN);
    }
    return s.store().optIns().resolvePseudonym(partner.party(), pseudonym)
        .orElseThrow(() -> ApiProblem.notFound(UNKNOWN));
  }
}
