package io.spime.cloud.service.internal.api;

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
import io.spime.twin.exceptions.InvalidCursorException;
import io.spime.twin.experience.Channel;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.outreach.Outreach;
import io.spime.twin.outreach.OutreachContact;
import io.spime.twin.outreach.OutreachPage;
import io.spime.twin.outreach.ServiceDue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who customer care may contact: customers opted in to service reminders whose vehicle's service falls
 * due, and customers opted in to marketing on a channel. Customer care only; every customer listed is
 * audited with the opt-in it was listed under.
 */
final class OutreachRoutes {
  private final Services s;

  OutreachRoutes(Services s) {
    this.s = s;
  }

  /** {@code GET /v1/outreach/service-reminders?dueWithin=P30D}. */
  void serviceReminders(Context ctx) {
    Caller caller = careOnly(ctx);
    String text = Params.text(ctx, "dueWithin").orElseThrow(() ->
        ApiProblem.badRequest("dueWithin", "dueWithin is required: an ISO 8601 period such as P30D"));
    Period within;
    try {
      within = Period.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest("dueWithin", "dueWithin must be an ISO 8601 period such as P30D, was '"
          + Params.clip(text) + "'");
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    answer(ctx, caller, "outreach:reminders", "service reminder list", "opt-in to service reminders", page -> {
      try {
        return outreach().serviceReminders(today, within, page);
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badRequest("dueWithin", e.getMessage());
      }
    });
  }

  /** {@code GET /v1/outreach/marketing?channel=EMAIL}. */
  void marketing(Context ctx) {
    Caller caller = careOnly(ctx);
    Channel channel = Params.enumValue(Channel.class, "channel", Params.text(ctx, "channel").orElseThrow(() ->
        ApiProblem.badRequest("channel", "channel is required: the channel of the marketing contact")), Channel::valueOf);
    answer(ctx, caller, "outreach:marketing:" + channel, "marketing list, " + channel,
        "opt-in to marketing by " + channel, page -> outreach().marketing(channel, page));
  }

  private Outreach outreach() {
    return new Outreach(s.store().optIns(), s.store(), s.store());
  }

  private static Caller careOnly(Context ctx) {
    Caller caller = Callers.of(ctx);
    if (caller.role() != Role.OEM_CUSTOMER_CARE) {
      throw ApiProblem.forbidden("only customer care reads outreach lists");
    }
    return caller;
  }

  private void answer(Context ctx, Caller caller, String kind, String what, String basis,
      Function<PageRequest, OutreachPage> read) {
    PageRequest request = new PageRequest(Params.limit(ctx, 100, 1000), Cursors.decode(kind, ctx.queryParam("cursor")));
    OutreachPage page;
    try {
      page = read.apply(request);
    } catch (InvalidCursorException e) {
      throw ApiProblem.badRequest("cursor", "the cursor belongs to another list; start again without it");
    }
    ObjectNode out = Json.mapper().createObjectNode();
    ArrayNode items = out.putArray("contacts");
    List<AuditEntry> reads = new ArrayList<>();
    for (OutreachContact c : page.contacts()) {
      ObjectNode n = items.addObject().put("customer", c.customer().value());
      s.store().customer(c.customer()).ifPresent(r -> n.put("displayName", r.profile().displayName()));
      ArrayNode vehicles = n.putArray("vehicles");
      for (ServiceDue d : c.serviceDue()) {
        ObjectNode v = vehicles.addObject().put("vin", d.vin().value()).put("due", d.due().toString());
        d.lastService().ifPresent(l -> v.put("lastService", l.toString()));
      }
      reads.add(new AuditEntry(Instant.now(), caller.party().value(), caller.role().claim(), c.customer().value(),
          Optional.empty(), what, basis));
    }
    page.next().ifPresent(next -> out.put("next", Cursors.encode(kind, next)));
    s.audit().recordAll(reads);
    ctx.json(out);
  }
}
