package io.spime.cloud.service.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spime.cloud.service.internal.web.ApiProblem;
import io.spime.cloud.service.internal.web.Json;
import io.spime.twin.custody.PartyId;
import io.spime.twin.experience.Channel;
import io.spime.twin.optin.OptIn;
import io.spime.twin.optin.Purpose;
import io.spime.twin.optin.PurposeKind;

/** The JSON of opt-ins (the OpenAPI document's OptIn) and the purpose, recipient and channel of a request body. */
final class OptInJson {
  private OptInJson() {}

  static ObjectNode optIn(OptIn o) {
    ObjectNode n = Json.mapper().createObjectNode().put("id", o.id()).put("customer", o.customer().value());
    n.putObject("purpose").put("kind", o.purpose().kind().name()).put("scope", o.purpose().scope());
    n.put("recipient", o.recipient().value()).put("textVersion", o.textVersion()).put("channel", o.channel().name())
        .put("given", o.given().toString()).put("active", o.active());
    o.withdrawal().ifPresent(w -> n.putObject("withdrawal").put("at", w.at().toString())
        .put("channel", w.channel().name()));
    return n;
  }

  /** The body's {@code purpose}: {@code {"kind": …, "scope": …}}; 400 naming the field at fault. */
  static Purpose purpose(JsonNode body) {
    JsonNode p = body.get("purpose");
    if (p == null || !p.isObject()) {
      throw ApiProblem.badRequest("purpose", "purpose is required: {\"kind\": one of "
          + java.util.Arrays.toString(PurposeKind.values()) + ", \"scope\": …}");
    }
    PurposeKind kind = Params.enumValue(PurposeKind.class, "purpose.kind", Bodies.text(p, "kind"), PurposeKind::valueOf);
    String scope = Bodies.text(p, "scope");
    try {
      return new Purpose(kind, scope);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("purpose.scope", e.getMessage());
    }
  }

  /** The body's {@code recipient}; for sharing it defaults to the partner. */
  static PartyId recipient(JsonNode body, Purpose purpose) {
    if (!body.has("recipient") && purpose.kind() == PurposeKind.PARTNER_SHARING) {
      return PartyId.of(purpose.scope());
    }
    try {
      return PartyId.of(Bodies.text(body, "recipient"));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("recipient", e.getMessage());
    }
  }

  static Channel channel(JsonNode body) {
    return Params.enumValue(Channel.class, "channel", Bodies.text(body, "channel"), Channel::valueOf);
  }
}
