package io.spime.cloud.service.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.spime.cloud.service.Role;
import io.spime.cloud.service.internal.Services;
import io.spime.cloud.service.internal.web.ApiProblem;
import io.spime.wire.Priority;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.state.CollectionMode;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.SignalRule;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** {@code PUT /v1/twins/{vin}/desired/policy}: the collection policy the car should use (technical staff). */
final class PolicyRoutes {
  private static final SignalCatalog CATALOG = SignalCatalog.builtIn();
  private static final long MAX_INTERVAL_MILLIS = Duration.ofDays(1).toMillis();
  private final Services s;

  PolicyRoutes(Services s) {
    this.s = s;
  }

  void put(Context ctx) {
    WriteTarget target = WriteTarget.of(ctx, s.store(), Set.of(Role.OEM_TECHNICAL),
        "only the maker's technical staff may set collection policies");
    CollectionPolicy policy = policy(Bodies.object(ctx));
    target.requireRevision();
    if (target.twin().revision() == 0) {
      throw ApiProblem.conflict("vin",
          target.vin() + " has no production record; its desired state cannot be versioned yet");
    }
    target.desiredChanged(ctx, s.store(), target.downlink(s.ingest().downlink()).setPolicy(target.vin(), policy));
  }

  private static CollectionPolicy policy(JsonNode body) {
    long version = Bodies.number(body, "version", 1, CollectionPolicy.MAX_VERSION);
    JsonNode rules = body.get("rules");
    if (rules == null || !rules.isObject()) {
      throw ApiProblem.badRequest("rules", "rules must be an object of catalog signal id to rule");
    }
    Map<Integer, SignalRule> out = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = "rules." + Params.clip(e.getKey());
      int id;
      try {
        id = Integer.parseInt(e.getKey());
      } catch (NumberFormatException ex) {
        throw ApiProblem.badRequest(field, "a rule's key must be a catalog signal id");
      }
      if (CATALOG.byId(id).isEmpty()) {
        throw ApiProblem.badRequest(field, "signal " + id + " is not in the catalog");
      }
      out.put(id, rule(field, e.getValue()));
    }
    return new CollectionPolicy(version, out);
  }

  private static SignalRule rule(String field, JsonNode n) {
    if (!n.isObject()) {
      throw ApiProblem.badRequest(field, "a rule must be an object with mode, and deadband, minIntervalMillis, priority");
    }
    CollectionMode mode = Params.enumValue(CollectionMode.class, field + ".mode", Bodies.text(n, "mode"),
        CollectionMode::valueOf);
    double deadband = n.has("deadband") ? n.get("deadband").asDouble(-1) : 0;
    if (!(deadband >= 0) || Double.isInfinite(deadband)) {
      throw ApiProblem.badRequest(field + ".deadband", "deadband must be 0 or a positive number");
    }
    long interval = n.has("minIntervalMillis") ? Bodies.number(n, "minIntervalMillis", 0, MAX_INTERVAL_MILLIS) : 0;
    Optional<Priority> priority = n.has("priority")
        ? Optional.of(Params.enumValue(Priority.class, field + ".priority", Bodies.text(n, "priority"), Priority::valueOf))
        : Optional.empty();
    return new SignalRule(mode, deadband, Duration.ofMillis(interval), priority);
  }
}
