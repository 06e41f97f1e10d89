package io.spime.cloud.service.internal.api;

import io.javalin.http.Context;
import io.spime.cloud.service.internal.web.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/** Query parameters, each parsed with a 400 naming it when malformed. */
final class Params {
  private Params() {}

  static Optional<String> text(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isEmpty());
  }

  static int limit(Context ctx, int dflt, int max) {
    Optional<Long> n = parsed(ctx, "limit", Long::parseLong, "a whole number");
    long v = n.orElse((long) dflt);
    if (v < 1 || v > max) {
      throw ApiProblem.badRequest("limit", "limit must be 1 to " + max + ", was " + v);
    }
    return (int) v;
  }

  static Optional<Instant> instant(Context ctx, String name) {
    return parsed(ctx, name, Instant::parse, "an ISO-8601 instant such as 2030-01-31T12:00:00Z");
  }

  static Optional<LocalDate> date(Context ctx, String name) {
    return parsed(ctx, name, LocalDate::parse, "a date such as 2030-01-31");
  }

  static Optional<Long> number(Context ctx, String name) {
    return parsed(ctx, name, Long::parseLong, "a whole number");
  }

  static Optional<Double> decimal(Context ctx, String name) {
    return parsed(ctx, name, Double::parseDouble, "a number").map(d -> {
      if (!Double.isFinite(d)) {
        throw ApiProblem.badRequest(name, name + " must be a finite number");
      }
      return d;
    });
  }

  static Optional<Boolean> bool(Context ctx, String name) {
    return text(ctx, name).map(s -> {
      if (!s.equals("true") && !s.equals("false")) {
        throw ApiProblem.badRequest(name, name + " must be true or false, was '" + clip(s) + "'");
      }
      return Boolean.parseBoolean(s);
    });
  }

  static <T> T enumValue(Class<T> type, String field, String value, Function<String, T> parse) {
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(field, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
          + ", was '" + clip(value) + "'");
    }
  }

  private static <T> Optional<T> parsed(Context ctx, String name, Function<String, T> parse, String form) {
    return text(ctx, name).map(s -> {
      try {
        return parse.apply(s);
      } catch (NumberFormatException | DateTimeParseException e) {
        throw ApiProblem.badRequest(name, name + " must be " + form + ", was '" + clip(s) + "'");
      }
    });
  }

  static String clip(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "…";
  }
}
