package io.spime.cloud.service.internal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.spime.cloud.service.internal.Services;
import io.spime.cloud.service.internal.audit.AuditEntry;
import io.spime.cloud.service.internal.auth.Caller;
import io.spime.cloud.service.internal.web.Callers;
import io.spime.cloud.service.internal.web.Json;
import io.spime.twin.Twin;
import io.spime.twin.state.StateDocument;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A car's desired and reported state documents and the delta between them. The collection policy's
 * entries ({@code policy.*}) and the car's record of executed commands are technical and shown to
 * everyone who may read the car; every other entry (a driver profile, {@code profile.*}; consent,
 * {@code consent.*}; anything new) is personal data of the current custody epoch and shown only to a
 * party that holds it now, audited for each holder of the current custody epoch. Otherwise the entries are left out and the
 * answer says {@code "withheld": true}, without naming or counting them.
 */
final class StateRoutes {
  private static final ObjectMapper JSON = Json.mapper();
  private final Services s;

  StateRoutes(Services s) {
    this.s = s;
  }

  /** Whether an entry of a state document is technical rather than personal. */
  static boolean technical(String key) {
    return key.startsWith("policy.") || key.equals("executed_commands");
  }

  void state(Context ctx) {
    Caller caller = Callers.of(ctx);
    AssetId vin = TwinAccess.vin(ctx.pathParam("vin"));
    Twin twin = TwinAccess.readable(s.store(), caller, vin);
    Instant now = Instant.now();
    PartnerLens lens = new PartnerLens(caller, s.store().optIns());
    boolean entitled = PersonalData.entitled(caller, twin, now, Optional.empty(), lens);
    Map<String, String> delta = new TreeMap<>(twin.stateDelta());
    boolean withheld = hasPersonal(twin.desired()) || hasPersonal(twin.reported());
    ObjectNode out = JSON.createObjectNode().put("vin", vin.value()).put("revision", twin.revision());
    out.set("desired", document(twin.desired(), entitled));
    out.set("reported", document(twin.reported(), entitled));
    ObjectNode d = out.putObject("delta");
    delta.forEach((k, v) -> {
      if (entitled || technical(k)) {
        d.put(k, v);
      }
    });
    out.put("withheld", withheld && !entitled);
    if (withheld && entitled) {
      List<AuditEntry> reads = new ArrayList<>();
      PersonalData.epochAt(twin, now).ifPresent(e -> e.holders().values().forEach(h -> reads.add(
          new AuditEntry(now, caller.party().value(), caller.role().claim(), h.party().value(),
              Optional.of(vin.value()), "desired and reported state",
              PersonalData.basis(caller, twin, now, Optional.empty())))));
      s.audit().recordAll(reads);
    }
    ctx.header("ETag", "\"" + twin.revision() + "\"").json(lens.rename(out, PartnerLens.holders(twin)));
  }

  private static boolean hasPersonal(StateDocument document) {
    return document.values().keySet().stream().anyMatch(k -> !technical(k));
  }

  private static ObjectNode document(StateDocument document, boolean entitled) {
    ObjectNode n = JSON.createObjectNode().put("version", document.version());
    ObjectNode values = n.putObject("values");
    new TreeMap<>(document.values()).forEach((k, v) -> {
      if (entitled || technical(k)) {
        values.put(k, v);
      }
    });
    return n;
  }
}
