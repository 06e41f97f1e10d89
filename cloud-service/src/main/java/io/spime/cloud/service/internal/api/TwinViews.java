package io.spime.cloud.service.internal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spime.cloud.service.internal.web.Json;
import io.spime.twin.Twin;
import io.spime.twin.custody.CustodyEpoch;

/**
 * The technical view of a twin at one revision: identity, production, lifecycle, components,
 * service, software, diagnostics, battery and end of life. It holds no personal data by construction
 * (no party ids, consents, subscriptions, commands or state documents), so every caller who may read
 * the car gets the same view; personal data comes only through the record's projection.
 */
final class TwinViews {
  private static final ObjectMapper JSON = Json.mapper();

  private TwinViews() {}

  static ObjectNode technical(Twin t) {
    ObjectNode n = JSON.createObjectNode();
    n.put("vin", t.vin().value());
    n.put("revision", t.revision());
    t.updatedAt().ifPresent(at -> n.put("updatedAt", at.toString()));
    t.identity().ifPresent(i -> n.set("identity", JSON.valueToTree(i)));
    t.production().ifPresent(p -> n.set("production", JSON.valueToTree(p)));
    t.phase().ifPresent(p -> n.put("phase", p.name()));
    n.set("phaseHistory", JSON.valueToTree(t.phaseHistory()));
    ArrayNode epochs = n.putArray("custodyEpochs");
    for (CustodyEpoch e : t.custody()) {
      ObjectNode en = epochs.addObject().put("number", e.number()).put("from", e.from().toString());
      e.until().ifPresent(u -> en.put("until", u.toString()));
      ArrayNode roles = en.putArray("roles");
      e.holders().keySet().stream().sorted().forEach(r -> roles.add(r.name()));
    }
    n.set("components", JSON.valueToTree(t.components()));
    n.set("genealogy", JSON.valueToTree(t.genealogy()));
    n.set("serviceHistory", JSON.valueToTree(t.serviceHistory()));
    n.set("software", JSON.valueToTree(t.software()));
    n.put("softwareUpdateCount", t.softwareUpdateCount());
    n.set("openDtcs", JSON.valueToTree(t.openDtcs().values()));
    n.set("recentlyClosedDtcs", JSON.valueToTree(t.recentlyClosedDtcs()));
    n.put("closedDtcCount", t.closedDtcCount());
    t.battery().ifPresent(b -> n.set("battery", JSON.valueToTree(b)));
    n.set("endOfLife", JSON.valueToTree(t.endOfLife()));
    return n;
  }
}
