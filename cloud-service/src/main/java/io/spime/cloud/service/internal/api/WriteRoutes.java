package io.spime.cloud.service.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.spime.cloud.service.Role;
import io.spime.cloud.service.internal.Services;
import io.spime.cloud.service.internal.auth.Caller;
import io.spime.cloud.service.internal.web.ApiProblem;
import io.spime.cloud.service.internal.web.Json;
import io.spime.cloud.sync.DownlinkCommand;
import io.spime.twin.AppendResult;
import io.spime.twin.PendingEvent;
import io.spime.twin.Source;
import io.spime.twin.SourceKind;
import io.spime.twin.Twin;
import io.spime.twin.custody.PartyId;
import io.spime.twin.event.ConsentGranted;
import io.spime.twin.event.ConsentRevoked;
import io.spime.twin.exceptions.ConcurrencyConflictException;
import io.spime.twin.exceptions.InvalidEventException;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes: consent (appended at the If-Match revision) and commands to the car. */
final class WriteRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(WriteRoutes.class);
  private final Services s;

  WriteRoutes(Services s) {
    this.s = s;
  }

  /** The car's data subject grants or withdraws consent; customer care may record it for them. */
  void consent(Context ctx) {
    WriteTarget target = WriteTarget.of(ctx, s.store(), Set.of(Role.CUSTOMER, Role.OEM_CUSTOMER_CARE),
        "only the customer or customer care may change consent");
    Caller caller = target.caller();
    AssetId vin = target.vin();
    long expected = target.expected();
    Twin twin = target.twin();
    JsonNode body = Bodies.object(ctx);
    DataCategory category = Params.enumValue(DataCategory.class, "category", Bodies.text(body, "category"),
        DataCategory::valueOf);
    boolean granted = Bodies.bool(body, "granted");
    Bodies.requireRevision(expected, twin);
    PartyId subject = twin.dataSubject().orElseThrow(() ->
        ApiProblem.conflict("vin", "nobody holds custody of " + vin + ", so there is no consent to change"));
    if (caller.role() == Role.CUSTOMER && !subject.equals(caller.party())) {
      throw ApiProblem.forbidden("only the car's current data subject may change its consent");
    }
    Source source = Source.of(caller.role() == Role.CUSTOMER ? SourceKind.CUSTOMER : SourceKind.BACKEND,
        caller.party().value());
    AppendResult result;
    try {
      result = s.store().append(vin, expected, List.of(PendingEvent.of(Instant.now(), source,
          granted ? new ConsentGranted(subject, category) : new ConsentRevoked(subject, category))));
    } catch (ConcurrencyConflictException e) {
      throw ApiProblem.preconditionFailed("the twin changed since revision " + expected + "; read it again");
    } catch (InvalidEventException e) {
      throw ApiProblem.conflict("granted", e.getMessage());
    }
    try {
      s.ingest().downlink().refreshDesired(vin);
    } catch (RuntimeException e) {
      LOG.warn("consent of {} recorded at revision {}, its desired state not published yet: {}", vin,
          result.revision(), e.getMessage());
    }
    ctx.header("ETag", "\"" + result.revision() + "\"")
        .json(Json.mapper().createObjectNode().put("vin", vin.value()).put("revision", result.revision())
            .put("category", category.name()).put("granted", granted));
  }

  private static final List<String> COMMAND_KINDS = List.of("FLUSH_NOW", "SEND_SNAPSHOT", "APPLY_PROFILE");

  /** A command to the car, from the maker's technical staff; If-Match is checked before it is sent. */
  void command(Context ctx) {
    WriteTarget target = WriteTarget.of(ctx, s.store(), Set.of(Role.OEM_TECHNICAL),
        "only the maker's technical staff may send commands");
    AssetId vin = target.vin();
    JsonNode body = Bodies.object(ctx);
    String kind = Bodies.text(body, "kind");
    if (!COMMAND_KINDS.contains(kind)) {
      throw ApiProblem.badRequest("kind", "kind must be one of " + COMMAND_KINDS + ", was '" + Params.clip(kind) + "'");
    }
    Duration ttl = Duration.ofSeconds(Bodies.number(body, "ttlSeconds", 1, 86_400));
    target.requireRevision();
    String id = switch (kind) {
      case "FLUSH_NOW" -> s.ingest().downlink().send(vin, new DownlinkCommand.FlushNow(), ttl);
      case "SEND_SNAPSHOT" -> s.ingest().downlink().send(vin, new DownlinkCommand.SendSnapshot(), ttl);
      // the profile comes from the car's desired state, so the caller neither sends nor sees personal data
      default -> s.ingest().downlink().applyDesiredProfile(vin, ttl);
    };
    long revision = s.store().twin(vin).map(Twin::revision).orElse(target.expected());
    ctx.status(202).header("ETag", "\"" + revision + "\"")
        .json(Json.mapper().createObjectNode().put("vin", vin.value()).put("commandId", id).put("revision", revision));
  }
}
