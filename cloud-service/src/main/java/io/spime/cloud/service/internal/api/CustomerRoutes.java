package io.spime.cloud.service.internal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.spime.twin.customer.CustomerRecord;
import io.spime.twin.experience.TimelinePage;
import io.spime.twin.experience.TimelineQuery;
import io.spime.twin.fleet.FleetPage;
import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.fleet.VehicleSummary;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** Customer master records (customer care; the customer themself) and the customer's own export. */
final class CustomerRoutes {
  private static final ObjectMapper JSON = Json.mapper();
  private static final int MAX_EXPORT_CARS = 1000;
  private static final int MAX_AUDIT_ENTRIES = 100_000;
  private static final int MAX_EXPORT_TOUCHPOINTS = 100_000;
  private final Services s;

  CustomerRoutes(Services s) {
    this.s = s;
  }

  void customer(Context ctx) {
    CustomerAccess access = CustomerAccess.of(ctx, "a customer record");
    Caller caller = access.caller();
    PartyId party = access.party();
    CustomerRecord record = s.store().customer(party)
        .orElseThrow(() -> ApiProblem.notFound("no customer record " + party));
    s.audit().record(new AuditEntry(Instant.now(), caller.party().value(), caller.role().claim(), party.value(),
        Optional.empty(), "customer master record", access.basis()));
    ctx.json(JSON.valueToTree(record));
  }

  /**
   * The customer's own data: master record, the records of every car they held or hold (each showing only
   * their own custody epochs), their touchpoints, their
   * opt-ins (history), and who read their data.
   */
  void export(Context ctx) throws IOException {
    Caller caller = Callers.of(ctx);
    if (caller.role() != Role.CUSTOMER) {
      throw ApiProblem.forbidden("the export is the customer's own; other roles read records one by one");
    }
    ObjectNode out = JSON.createObjectNode().put("party", caller.party().value())
        .put("exportedAt", Instant.now().toString());
    s.store().customer(caller.party()).ifPresent(r -> out.set("customer", JSON.valueToTree(r)));
    ArrayNode cars = out.putArray("vehicles");
    Optional<String> cursor = Optional.empty();
    do {
      FleetPage page = s.store().fleet(new FleetQuery.AboutSubject(caller.party()), new PageRequest(100, cursor));
      for (VehicleSummary v : page.vehicles()) {
        if (cars.size() < MAX_EXPORT_CARS) {
          cars.add(JSON.readTree(s.store().export(v.vin(), caller.viewer())));
        }
      }
      cursor = page.next();
    } while (cursor.isPresent() && cars.size() < MAX_EXPORT_CARS);
    ArrayNode touchpoints = out.putArray("touchpoints");
    Optional<String> at = Optional.empty();
    do {
      TimelinePage page = s.store().timeline(TimelineQuery.of(caller.party()), new PageRequest(1000, at));
      page.touchpoints().forEach(t -> touchpoints.add(ExperienceJson.touchpoint(t)));
      at = page.next();
    } while (at.isPresent() && touchpoints.size() < MAX_EXPORT_TOUCHPOINTS);
    out.set("optIns", OptInRoutes.history(s, caller.party()));
    out.set("auditTrail", JSON.valueToTree(s.audit().about(caller.party().value(), MAX_AUDIT_ENTRIES)));
    ctx.json(out);
  }
}
