package io.spime.cloud.service.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spime.cloud.service.internal.web.Json;
import io.spime.twin.experience.RenewalCandidate;
import io.spime.twin.experience.RiskReason;
import io.spime.twin.experience.Touchpoint;
import java.util.Map;

/** The JSON of touchpoints and renewals, as the OpenAPI document's Timeline and Renewals describe them. */
final class ExperienceJson {
  private ExperienceJson() {}

  static ObjectNode touchpoint(Touchpoint t) {
    ObjectNode n = Json.mapper().createObjectNode().put("id", t.id()).put("phase", t.phase().name())
        .put("channel", t.channel().name()).put("start", t.start().toString());
    t.end().ifPresent(e -> n.put("end", e.toString()));
    t.vehicle().ifPresent(v -> n.put("vin", v.value()));
    t.agreement().ifPresent(a -> n.putObject("agreement").put("kind", a.kind().name()).put("reference", a.reference()));
    ObjectNode outcome = n.putObject("outcome").put("answered", t.outcome().answered())
        .put("resolved", t.outcome().resolved());
    t.outcome().satisfaction().ifPresent(stars -> outcome.put("satisfaction", stars));
    return n;
  }

  static ObjectNode renewal(RenewalCandidate r) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.putObject("agreement").put("vin", r.agreement().vin().value()).put("kind", r.agreement().kind().name())
        .put("reference", r.agreement().reference());
    n.put("customer", r.customer().value()).put("start", r.start().toString()).put("due", r.due().toString())
        .put("riskPoints", r.risk().points());
    ObjectNode signals = n.putObject("signals");
    r.signals().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> signals.put(e.getKey().name(), e.getValue()));
    ArrayNode reasons = n.putArray("reasons");
    for (RiskReason reason : r.risk().reasons()) {
      ObjectNode item = reasons.addObject().put("signal", reason.signal().name()).put("value", reason.value())
          .put("weight", reason.weight()).put("points", reason.points());
      ArrayNode details = item.putArray("details");
      reason.details().forEach(details::add);
    }
    return n;
  }
}
