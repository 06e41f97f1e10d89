package io.spime.cloud.service.internal.api;

import io.javalin.http.Context;
import io.spime.cloud.service.Role;
import io.spime.cloud.service.internal.auth.Caller;
import io.spime.cloud.service.internal.web.ApiProblem;
import io.spime.cloud.service.internal.web.Callers;
import io.spime.twin.custody.PartyId;

/** A read of one customer's data: allowed to customer care and to the customer themself, else 403. */
record CustomerAccess(Caller caller, PartyId party, boolean own) {

  /** The caller's access to the customer of the {@code party} path parameter. */
  static CustomerAccess of(Context ctx, String what) {
    Caller caller = Callers.of(ctx);
    PartyId party;
    try {
      party = PartyId.of(ctx.pathParam("party"));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("party", e.getMessage());
    }
    boolean own = caller.role() == Role.CUSTOMER && caller.party().equals(party);
    if (caller.role() != Role.OEM_CUSTOMER_CARE && !own) {
      throw ApiProblem.forbidden("only customer care and the customer themself may read " + what);
    }
    return new CustomerAccess(caller, party, own);
  }

  /** The audit trail's basis of the read. */
  String basis() {
    return own ? "own data" : "customer care";
  }
}
