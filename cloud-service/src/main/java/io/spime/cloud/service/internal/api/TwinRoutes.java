package io.spime.cloud.service.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.spime.twin.JournalEntry;
import io.spime.twin.Twin;
import io.spime.twin.TwinEventJson;
import io.spime.twin.custody.CustodyEpoch;
import io.spime.twin.custody.CustodyHolder;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Viewer;
import io.spime.twin.fleet.SignalReading;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import io.spime.wire.telemetry.SignalValue;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A car's twin: now, as of an instant, at a revision; its history; its record; its latest signals. */
final class TwinRoutes {
  private static final ObjectMapper JSON = Json.mapper();
  private static final SignalCatalog CATALOG = SignalCatalog.builtIn();
  private final Services s;

  TwinRoutes(Services s) {
    this.s = s;
  }

  void twin(Context ctx) {
    Caller caller = Callers.of(ctx);
    AssetId vin = TwinAccess.vin(ctx.pathParam("vin"));
    Twin now = TwinAccess.readable(s.store(), caller, vin);
    Optional<Instant> asOf = Params.instant(ctx, "asOf");
    Optional<Long> revision = Params.number(ctx, "revision");
    if (asOf.isPresent() && revision.isPresent()) {
      throw ApiProblem.badRequest("revision", "give asOf or revision, not both");
    }
    Twin shown = now;
    if (asOf.isPresent()) {
      shown = s.store().asOf(vin, asOf.get()).orElseThrow(() ->
          ApiProblem.notFound("twin " + vin + " had no events at or before " + asOf.get()));
    } else if (revision.isPresent()) {
      if (revision.get() < 1) {
        throw ApiProblem.badRequest("revision", "revision must be 1 or more, was " + revision.get());
      }
      shown = s.store().atRevision(vin, revision.get()).orElseThrow(() ->
          ApiProblem.notFound("twin " + vin + " has not reached revision " + revision.get()));
    }
    ctx.header("ETag", "\"" + now.revision() + "\"")
        .json(TwinViews.technical(shown).put("samplesApplied", s.store().samplesApplied(vin)));
  }

  void history(Context ctx) {
    Caller caller = Callers.of(ctx);
    AssetId vin = TwinAccess.vin(ctx.pathParam("vin"));
    Twin twin = TwinAccess.readable(s.store(), caller, vin);
    int limit = Params.limit(ctx, 100, 1000);
    long after = Cursors.decode("history:" + vin.value(), ctx.queryParam("cursor")).map(p -> {
      try {
        return Long.parseLong(p);
      } catch (NumberFormatException e) {
        throw ApiProblem.badRequest("cursor", "the cursor is not one this list handed out; start again without it");
      }
    }).orElse(0L);
    List<JournalEntry> entries = s.store().history(vin, after, limit);
    PartnerLens lens = new PartnerLens(caller, s.store().optIns());
    Set<PartyId> parties = PartnerLens.holders(twin);
    entries.forEach(e -> e.event().subject().ifPresent(parties::add));
    List<AuditEntry> reads = new ArrayList<>();
    ObjectNode out = JSON.createObjectNode();
    ArrayNode items = out.putArray("entries");
    for (JournalEntry e : entries) {
      ObjectNode n = items.addObject().put("revision", e.revision()).put("occurredAt", e.occurredAt().toString())
          .put("type", e.event().getClass().getSimpleName()).put("source", e.source().kind().name());
      if (!PersonalData.isPersonal(e.event())
          || PersonalData.entitled(caller, twin, e.occurredAt(), e.event().subject(), lens)) {
        n.set("event", lens.rename(readTree(TwinEventJson.write(e.event())), parties));
        if (PersonalData.isPersonal(e.event())) {
          reads.add(read(caller, twin, e.event().subject().map(Object::toString).orElse(subjectAt(twin, e.occurredAt())),
              "history revision " + e.revision(), PersonalData.basis(caller, twin, e.occurredAt(), e.event().subject())));
        }
      } else {
        n.put("withheld", lens.applies() ? "personal data outside your custody epochs or not shared with you"
            : "personal data outside your custody epochs");
      }
    }
    if (entries.size() == limit) {
      out.put("next", Cursors.encode("history:" + vin.value(), Long.toString(entries.get(entries.size() - 1).revision())));
    }
    s.audit().recordAll(reads);
    ctx.json(out);
  }

  void record(Context ctx) {
    Caller caller = Callers.of(ctx);
    AssetId vin = TwinAccess.vin(ctx.pathParam("vin"));
    Twin twin = TwinAccess.readable(s.store(), caller, vin);
    PartnerLens lens = new PartnerLens(caller, s.store().optIns());
    Viewer viewer = lens.viewer(twin);
    String record = s.store().export(vin, viewer);
    if (lens.applies()) {
      JsonNode tree = readTree(record);
      Set<PartyId> parties = PartnerLens.holders(twin);
      parties.addAll(PartnerLens.named(tree));
      Set<PartyId> notSharing = parties.stream().filter(p -> !lens.shares(p)).collect(Collectors.toSet());
      if (!notSharing.isEmpty()) {
        // data about a customer who does not share is withheld even in an epoch whose subject does
        viewer = viewer.withoutSubjects(notSharing);
        tree = readTree(s.store().export(vin, viewer));
      }
      record = lens.rename(tree, parties).toString();
    }
    List<AuditEntry> reads = new ArrayList<>();
    for (CustodyEpoch e : twin.custody()) {
      if (viewer.sees(e)) {
        for (CustodyHolder h : e.holders().values()) {
          reads.add(read(caller, twin, h.party().value(), "spime record, custody epoch " + e.number(),
              PersonalData.basis(caller, twin, e.from(), Optional.empty())));
        }
      }
    }
    s.audit().recordAll(reads);
    ctx.contentType("application/json").result(record);
  }

  void latestSignals(Context ctx) {
    Caller caller = Callers.of(ctx);
    AssetId vin = TwinAccess.vin(ctx.pathParam("vin"));
    Twin twin = TwinAccess.readable(s.store(), caller, vin);
    Set<DataCategory> consented = twin.consentedCategories();
    PartnerLens lens = new PartnerLens(caller, s.store().optIns());
    ObjectNode out = JSON.createObjectNode().put("vin", vin.value());
    ArrayNode items = out.putArray("signals");
    Set<String> withheld = new TreeSet<>();
    List<AuditEntry> reads = new ArrayList<>();
    for (Map.Entry<Integer, SignalReading> r : new TreeMap<>(s.store().latestSignals(vin)).entrySet()) {
      Optional<SignalDefinition> def = CATALOG.byId(r.getKey());
      DataCategory category = def.map(SignalDefinition::category).orElse(DataCategory.USAGE);
      Instant at = Instant.ofEpochMilli(r.getValue().timeMillis());
      if (category.isPersonal()) {
        boolean ok = PersonalData.entitled(caller, twin, at, Optional.empty(), lens)
            && (caller.role() != Role.PARTNER || consented.contains(category));
        if (!ok) {
          withheld.add(category.name());
          continue;
        }
        reads.add(read(caller, twin, subjectAt(twin, at), "latest signal " + def.map(SignalDefinition::path).orElse("?"),
            PersonalData.basis(caller, twin, at, Optional.empty())
                + (caller.role() == Role.PARTNER ? ", consent to " + category : "")));
      }
      ObjectNode n = items.addObject().put("signalId", r.getKey()).put("category", category.name())
          .put("at", at.toString());
      def.ifPresent(d -> n.put("path", d.path()));
      SignalValue v = r.getValue().value();
      if (v instanceof SignalValue.Number) {
        n.put("value", ((SignalValue.Number) v).value());
      } else if (v instanceof SignalValue.Bool) {
        n.put("value", ((SignalValue.Bool) v).value());
      } else {
        n.put("value", ((SignalValue.Text) v).value());
      }
    }
    ArrayNode w = out.putArray("withheldCategories");
    withheld.forEach(w::add);
    s.audit().recordAll(reads);
    ctx.json(out);
  }

  private static String subjectAt(Twin twin, Instant at) {
    return PersonalData.epochAt(twin, at).flatMap(e -> e.holders().values().stream().findFirst())
        .map(h -> h.party().value()).orElse("unknown");
  }

  private static AuditEntry read(Caller caller, Twin twin, String subject, String what, String basis) {
    return new AuditEntry(Instant.now(), caller.party().value(), caller.role().claim(), subject,
        Optional.of(twin.vin().value()), what, basis);
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("the store wrote an event that is not JSON", e);
    }
  }
}
