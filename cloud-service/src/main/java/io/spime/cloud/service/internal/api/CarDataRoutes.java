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
import io.spime.twin.JournalEntry;
import io.spime.twin.Twin;
import io.spime.twin.event.CommandCompleted;
import io.spime.twin.event.CommandIssued;
import io.spime.twin.fleet.DailyRollup;
import io.spime.twin.state.CommandState;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** A car's daily rollups of technical signals, and its commands with their results. */
final class CarDataRoutes {
  private static final ObjectMapper JSON = Json.mapper();
  private static final SignalCatalog CATALOG = SignalCatalog.builtIn();
  private static final int MAX_DAYS = 3660;
  private static final int COMMAND_SEARCH_ENTRIES = 10_000;
  private final Services s;

  CarDataRoutes(Services s) {
    this.s = s;
  }

  /** Daily min, max, mean of a technical signal; personal signals' rollups are not served. */
  void rollups(Context ctx) {
    Caller caller = Callers.of(ctx);
    AssetId vin = TwinAccess.vin(ctx.pathParam("vin"));
    TwinAccess.readable(s.store(), caller, vin);
    int signalId;
    try {
      signalId = Integer.parseInt(ctx.pathParam("signalId"));
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest("signalId", "signalId must be a catalog signal id (a number)");
    }
    SignalDefinition def = CATALOG.byId(signalId).orElseThrow(() ->
        ApiProblem.badRequest("signalId", "signal " + signalId + " is not in the catalog"));
    if (def.category().isPersonal()) {
      throw ApiProblem.badRequest("signalId", "rollups are served for technical signals only; "
          + def.path() + " is " + def.category());
    }
    LocalDate to = Params.date(ctx, "to").orElse(LocalDate.now(ZoneOffset.UTC));
    LocalDate from = Params.date(ctx, "from").orElse(to.minusDays(365));
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
      throw ApiProblem.badRequest("from", "from must be on or before to and at most " + MAX_DAYS + " days earlier");
    }
    List<DailyRollup> days = s.store().dailyRollups(vin, signalId, from, to);
    ObjectNode out = JSON.createObjectNode().put("vin", vin.value()).put("signalId", signalId).put("path", def.path());
    ArrayNode items = out.putArray("days");
    days.forEach(d -> items.addObject().put("day", d.day().toString()).put("min", d.min()).put("max", d.max())
        .put("mean", d.mean()).put("count", d.count()));
    ctx.json(out);
  }

  /** A command's state: open (from the twin) or its result (from the journal's last entries). */
  void command(Context ctx) {
    Caller caller = Callers.of(ctx);
    AssetId vin = TwinAccess.vin(ctx.pathParam("vin"));
    Twin twin = TwinAccess.readable(s.store(), caller, vin);
    String id = ctx.pathParam("commandId");
    ObjectNode out = JSON.createObjectNode().put("vin", vin.value()).put("commandId", id);
    CommandState open = twin.commands().get(id);
    if (open != null) {
      out.put("kind", open.kind()).put("status", "OPEN").put("issuedAt", open.issuedAt().toString())
          .put("expiresAt", open.expiresAt().toString());
      ctx.json(out);
      return;
    }
    long after = Math.max(0, twin.revision() - COMMAND_SEARCH_ENTRIES);
    Optional<CommandIssued> issued = Optional.empty();
    Optional<JournalEntry> completed = Optional.empty();
    while (after < twin.revision()) {
      List<JournalEntry> page = s.store().history(vin, after, 1000);
      if (page.isEmpty()) {
        break;
      }
      for (JournalEntry e : page) {
        if (e.event() instanceof CommandIssued && ((CommandIssued) e.event()).commandId().equals(id)) {
          issued = Optional.of((CommandIssued) e.event());
        } else if (e.event() instanceof CommandCompleted && ((CommandCompleted) e.event()).commandId().equals(id)) {
          completed = Optional.of(e);
        }
      }
      after = page.get(page.size() - 1).revision();
    }
    if (issued.isEmpty() || completed.isEmpty()) {
      throw ApiProblem.notFound("no command " + Params.clip(id) + " of " + vin + " among its last "
          + COMMAND_SEARCH_ENTRIES + " journal entries");
    }
    CommandCompleted done = (CommandCompleted) completed.get().event();
    out.put("kind", issued.get().kind()).put("status", done.status().name()).put("message", done.message())
        .put("completedAt", completed.get().occurredAt().toString());
    ctx.json(out);
  }
}
