package io.spime.cloud.service.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.spime.cloud.service.internal.web.ApiProblem;
import io.spime.cloud.service.internal.web.Json;
import io.spime.twin.Twin;
import java.io.IOException;

/** Request bodies and preconditions, each with a 400/428 naming what is wrong. */
final class Bodies {
  private Bodies() {}

  static JsonNode object(Context ctx) {
    try {
      JsonNode n = Json.mapper().readTree(ctx.body());
      if (n == null || !n.isObject()) {
        throw ApiProblem.badRequest("body", "the body must be a JSON object");
      }
      return n;
    } catch (IOException e) {
      throw ApiProblem.badRequest("body", "the body is not valid JSON");
    }
  }

  static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || !n.isTextual()) {
      throw ApiProblem.badRequest(field, field + " is required and must be a string");
    }
    return n.asText();
  }

  static boolean bool(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || !n.isBoolean()) {
      throw ApiProblem.badRequest(field, field + " is required and must be true or false");
    }
    return n.asBoolean();
  }

  static long number(JsonNode body, String field, long min, long max) {
    JsonNode n = body.get(field);
    if (n == null || !n.canConvertToLong() || !n.isIntegralNumber()) {
      throw ApiProblem.badRequest(field, field + " is required and must be a whole number");
    }
    long v = n.asLong();
    if (v < min || v > max) {
      throw ApiProblem.badRequest(field, field + " must be " + min + " to " + max + ", was " + v);
    }
    return v;
  }

  /** 412 unless If-Match named the twin's current revision. */
  static void requireRevision(long expected, Twin twin) {
    if (expected != twin.revision()) {
      throw ApiProblem.preconditionFailed(
          "If-Match names revision " + expected + " but the twin is at " + twin.revision() + "; read it again");
    }
  }

  /** The revision If-Match names: {@code "7"} or {@code 7}; 428 without it, 400 if malformed. */
  static long ifMatch(Context ctx) {
    String h = ctx.header("If-Match");
    if (h == null || h.isBlank()) {
      throw ApiProblem.preconditionRequired();
    }
    String v = h.strip();
    if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
      v = v.substring(1, v.length() - 1);
    }
    try {
      long r = Long.parseLong(v);
      if (r < 0) {
        throw new NumberFormatException();
      }
      return r;
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest("If-Match", "If-Match must be the twin's revision as its ETag, such as \"7\"");
    }
  }
}
