package io.spime.cloud.service.internal.web;

import io.javalin.http.Context;
import io.spime.cloud.service.internal.auth.Caller;
import io.spime.cloud.service.internal.auth.UnauthorizedException;

/** The verified caller of a request, as the server's before-handler stored it. */
public final class Callers {
  private static final String ATTRIBUTE = "spime.caller";

  private Callers() {}

  /** Stores the verified caller on the request. */
  public static void set(Context ctx, Caller caller) {
    ctx.attribute(ATTRIBUTE, caller);
  }

  /**
   * The caller of a {@code /v1} request.
   *
   * @throws UnauthorizedException if none was verified (a route outside the token check)
   */
  public static Caller of(Context ctx) {
    Caller c = ctx.attribute(ATTRIBUTE);
    if (c == null) {
      throw new UnauthorizedException("a bearer token is required");
    }
    return c;
  }
}
