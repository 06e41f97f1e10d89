package io.spime.twin.internal.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spime.twin.JournalEntry;
import io.spime.twin.Twin;
import io.spime.twin.custody.CustodyEpoch;
import io.spime.twin.custody.CustodyHolder;
import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.Subscription;
import io.spime.twin.custody.Viewer;
import io.spime.twin.event.BatteryMeasured;
import io.spime.twin.event.CommandCompleted;
import io.spime.twin.event.CommandIssued;
import io.spime.twin.event.ConsentGranted;
import io.spime.twin.event.ConsentRevoked;
import io.spime.twin.event.DtcCleared;
import io.spime.twin.event.DtcRaised;
import io.spime.twin.event.SoftwareUpdated;
import io.spime.twin.event.TouchpointRecorded;
import io.spime.twin.exceptions.TwinException;
import io.spime.twin.fleet.DailyRollup;
import io.spime.twin.fleet.SignalReading;
import io.spime.twin.internal.json.TwinJson;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import io.spime.wire.telemetry.SignalValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Writes the spime record of one car: its whole life as one JSON document, filtered for a viewer. */
public final class SpimeRecordWriter {
  /** The format name and version written in the document. */
  public static final String FORMAT = "spime-record/1";

  private final ObjectMapper json = TwinJson.mapper();
  private final Twin twin;
  private final Viewer viewer;
  private final Entitlement rule;
  private final TreeSet<String> withheld = new TreeSet<>();

  private SpimeRecordWriter(Twin twin, Viewer viewer) {
    this.twin = twin;
    this.viewer = viewer;
    this.rule = new Entitlement(viewer, twin);
  }

  /** The record as JSON text. */
  public static String write(
      Twin twin, List<JournalEntry> journal, List<DailyRollup> healthByDay, Map<Integer, SignalReading> latest,
      Viewer viewer, Instant exportedAt) {
    return new SpimeRecordWriter(twin, viewer).document(journal, healthByDay, latest, exportedAt);
  }

  private String document(
      List<JournalEntry> journal, List<DailyRollup> healthByDay, Map<Integer, SignalReading> latest, Instant exportedAt) {
    ObjectNode doc = json.createObjectNode();
    doc.put("format", FORMAT);
    doc.put("vin", twin.vin().value());
    doc.put("revision", twin.revision());
    doc.put("exportedAt", exportedAt.toString());
    doc.put("viewer", viewer.party().map(p -> "party " + p).orElse("technical"));
    twin.identity().ifPresent(i -> doc.set("identity", json.valueToTree(i)));
    twin.production().ifPresent(p -> doc.set("production", json.valueToTree(p)));
    ObjectNode lifecycle = doc.putObject("lifecycle");
    twin.phase().ifPresent(p -> lifecycle.put("phase", p.name()));
    lifecycle.set("history", json.valueToTree(twin.phaseHistory()));
    doc.set("custody", custody());
    doc.set("subscriptions", subscriptions());
    doc.set("components", json.valueToTree(twin.components()));
    doc.set("partGenealogy", json.valueToTree(twin.genealogy()));
    doc.set("service", json.valueToTree(twin.serviceHistory()));
    ObjectNode software = doc.putObject("software");
    software.set("installed", json.valueToTree(twin.software()));
    ArrayNode updates = software.putArray("updates");
    ObjectNode diagnostics = doc.putObject("diagnostics");
    diagnostics.set("open", json.valueToTree(twin.openDtcs().values()));
    ArrayNode dtcHistory = diagnostics.putArray("history");
    ObjectNode battery = doc.putObject("battery");
    ArrayNode readings = battery.putArray("readings");
    ArrayNode touchpoints = doc.putArray("touchpoints");
    ArrayNode consents = doc.putArray("consents");
    ObjectNode commands = doc.putObject("commands");
    ArrayNode open = commands.putArray("open");
    twin.commands().values().forEach(c -> open.add(command(json.valueToTree(c), c.issuedAt())));
    ArrayNode commandHistory = commands.putArray("history");
    for (JournalEntry e : journal) {
      journalEntry(e, updates, dtcHistory, readings, touchpoints, consents);
      if (e.event() instanceof CommandIssued || e.event() instanceof CommandCompleted) {
        ObjectNode n = json.valueToTree(e.event());
        commandHistory.add(command(n, e.occurredAt()).put("at", e.occurredAt().toString()));
      }
    }
    ArrayNode daily = battery.putArray("stateOfHealthByDay");
    for (DailyRollup r : healthByDay) {
      daily.addObject().put("day", r.day().toString()).put("min", r.min()).put("max", r.max())
          .put("mean", r.mean()).put("count", r.count());
    }
    doc.set("latestSignals", latestSignals(latest));
    doc.set("reportedState", json.valueToTree(twin.reported()));
    doc.set("desiredState", json.valueToTree(twin.desired()));
    doc.set("endOfLife", json.valueToTree(twin.endOfLife()));
    doc.set("batteryPassport", BatteryPassport.of(twin, json));
    ArrayNode left = doc.putArray("withheld");
    withheld.forEach(left::add);
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new TwinException("cannot write the spime record of " + twin.vin() + ": " + e.getMessage(), e);
    }
  }

  private void journalEntry(JournalEntry e, ArrayNode updates, ArrayNode dtcHistory, ArrayNode readings,
      ArrayNode touchpoints, ArrayNode consents) {
    String at = e.occurredAt().toString();
    if (e.event() instanceof SoftwareUpdated) {
      ObjectNode n = json.valueToTree(e.event());
      n.remove("type");
      updates.add(n.put("at", at));
    } else if (e.event() instanceof DtcRaised || e.event() instanceof DtcCleared) {
      ObjectNode n = json.valueToTree(e.event());
      dtcHistory.add(n.put("at", at));
    } else if (e.event() instanceof BatteryMeasured) {
      ObjectNode n = json.valueToTree(((BatteryMeasured) e.event()).condition());
      readings.add(n.put("at", at));
    } else if (e.event() instanceof TouchpointRecorded) {
      TouchpointRecorded t = (TouchpointRecorded) e.event();
      ObjectNode n = touchpoints.addObject().put("at", at).put("kind", t.kind().name()).put("outcome", t.outcome());
      if (rule.entitled(e.occurredAt(), t.customer())) {
        t.customer().ifPresent(c -> n.put("customer", c.value()));
        t.note().ifPresent(note -> n.put("note", note));
      } else if (t.customer().isPresent() || t.note().isPresent()) {
        withheld.add("touchpoint customers and notes outside the viewer's custody epochs");
      }
    } else if (e.event() instanceof ConsentGranted || e.event() instanceof ConsentRevoked) {
      boolean granted = e.event() instanceof ConsentGranted;
      io.spime.twin.custody.PartyId party = granted ? ((ConsentGranted) e.event()).party() : ((ConsentRevoked) e.event()).party();
      if (rule.mayName(party, e.occurredAt())) {
        ObjectNode n = json.valueToTree(e.event());
        consents.add(n.put("at", at));
      } else {
        withheld.add("consents of other parties");
      }
    }
  }

  /**
   * A command as exported: its parameters (a destination, a cabin setting) are personal data of the
   * custody epoch it was issued in.
   */
  private ObjectNode command(ObjectNode n, Instant issuedAt) {
    if (n.has("parameters") && !n.get("parameters").isEmpty() && !rule.entitled(issuedAt, Optional.empty())) {
      n.remove("parameters");
      withheld.add("command parameters outside the viewer's custody epochs");
    }
    return n;
  }

  private ArrayNode custody() {
    ArrayNode out = json.createArrayNode();
    for (CustodyEpoch epoch : twin.custody()) {
      ObjectNode n = out.addObject().put("number", epoch.number()).put("from", epoch.from().toString());
      epoch.until().ifPresent(u -> n.put("until", u.toString()));
      boolean own = rule.heldEpoch(epoch);
      n.put("personalDataVisible", own);
      ObjectNode roles = n.putObject("roles");
      for (Map.Entry<CustodyRole, CustodyHolder> h : epoch.holders().entrySet()) {
        ObjectNode r = roles.putObject(h.getKey().name());
        if (own) {
          r.put("party", h.getValue().party().value());
        } else {
          withheld.add("parties of custody epochs the viewer did not hold");
        }
        h.getValue().term().ifPresent(t -> r.set("term", json.valueToTree(t)));
      }
    }
    return out;
  }

  private ArrayNode subscriptions() {
    ArrayNode out = json.createArrayNode();
    for (Subscription s : twin.subscriptions().values()) {
      ObjectNode n = out.addObject().put("id", s.id()).put("product", s.product()).put("active", s.active());
      n.set("term", json.valueToTree(s.term()));
      if (rule.mayName(s.subscriber(), s.term().start().atStartOfDay(java.time.ZoneOffset.UTC).toInstant())) {
        n.put("subscriber", s.subscriber().value());
      } else {
        withheld.add("subscribers");
      }
    }
    return out;
  }

  private ArrayNode latestSignals(Map<Integer, SignalReading> latest) {
    ArrayNode out = json.createArrayNode();
    SignalCatalog catalog = SignalCatalog.builtIn();
    for (SignalReading r : latest.values()) {
      Optional<SignalDefinition> def = catalog.byId(r.signalId());
      boolean personal = def.map(d -> d.category().isPersonal()).orElse(true);
      Instant at = Instant.ofEpochMilli(r.timeMillis());
      if (personal && !rule.entitled(at, Optional.empty())) {
        withheld.add("personal signal values (location, driving, usage) outside the viewer's custody epochs");
        continue;
      }
      ObjectNode n = out.addObject().put("signalId", r.signalId());
      def.ifPresent(d -> n.put("path", d.path()));
      n.put("at", at.toString());
      SignalValue v = r.value();
      if (v instanceof SignalValue.Number) {
        n.put("value", ((SignalValue.Number) v).value());
      } else if (v instanceof SignalValue.Bool) {
        n.put("value", ((SignalValue.Bool) v).value());
      } else {
        n.put("value", ((SignalValue.Text) v).value());
      }
    }
    return out;
  }
}
