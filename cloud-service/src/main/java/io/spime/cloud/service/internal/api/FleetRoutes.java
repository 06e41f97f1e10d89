package io.spime.cloud.service.internal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.spime.cloud.service.internal.Services;
import io.spime.cloud.service.internal.auth.Caller;
import io.spime.cloud.service.internal.web.ApiProblem;
import io.spime.cloud.service.internal.web.Callers;
import io.spime.cloud.service.internal.web.Json;
import io.spime.twin.exceptions.InvalidCursorException;
import io.spime.twin.fleet.FleetPage;
import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.fleet.VehicleSummary;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code GET /v1/fleet}: cars matching every given predicate, a page at a time. A page may hold fewer
 * matches than {@code limit} (the index yields candidates, the other predicates drop some); follow
 * {@code next} until it is absent. Duplicates (a car with two agreements) are dropped within a page.
 */
final class FleetRoutes {
  private static final ObjectMapper JSON = Json.mapper();
  private final Services s;

  FleetRoutes(Services s) {
    this.s = s;
  }

  void search(Context ctx) {
    Caller caller = Callers.of(ctx);
    FleetFilter filter = FleetFilter.of(ctx);
    int limit = Params.limit(ctx, 100, 1000);
    FleetQuery query = filter.driving(caller);
    String kind = "fleet:" + query.getClass().getSimpleName();
    PageRequest page = new PageRequest(limit, Cursors.decode(kind, ctx.queryParam("cursor")));
    FleetPage result;
    try {
      result = s.store().fleet(query, page);
    } catch (InvalidCursorException e) {
      throw ApiProblem.badRequest("cursor", "the cursor belongs to another search; start again without it");
    }
    ObjectNode out = JSON.createObjectNode();
    ArrayNode items = out.putArray("vehicles");
    Set<String> seen = new HashSet<>();
    for (VehicleSummary v : result.vehicles()) {
      if (seen.add(v.vin().value()) && filter.matches(v, s.store(), s.store())) {
        ObjectNode n = items.addObject().put("vin", v.vin().value()).put("revision", v.revision())
            .put("kind", v.kind().wireName());
        v.phase().ifPresent(p -> n.put("phase", p.name()));
        v.make().ifPresent(m -> n.put("make", m));
        v.model().ifPresent(m -> n.put("model", m));
        v.modelYear().ifPresent(y -> n.put("modelYear", y));
        v.batteryHealthPercent().ifPresent(b -> n.put("batteryHealthPercent", b));
        v.lastSeen().ifPresent(l -> n.put("lastSeen", l.toString()));
      }
    }
    result.next().ifPresent(c -> out.put("next", Cursors.encode(kind, c)));
    ctx.json(out);
  }
}
