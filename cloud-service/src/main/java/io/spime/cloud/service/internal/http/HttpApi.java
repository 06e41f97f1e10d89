package io.spime.cloud.service.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.spime.cloud.service.CloudConfig;
import io.spime.cloud.service.internal.Readiness;
import io.spime.cloud.service.internal.Services;
import io.spime.cloud.service.internal.api.ApiRoutes;
import io.spime.cloud.service.internal.auth.TokenVerifier;
import io.spime.cloud.service.internal.auth.UnauthorizedException;
import io.spime.cloud.service.internal.web.ApiProblem;
import io.spime.cloud.service.internal.web.Callers;
import io.spime.cloud.service.internal.web.Json;
import io.spime.twin.exceptions.ConcurrencyConflictException;
import io.spime.twin.exceptions.TwinException;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: health, metrics, the OpenAPI document, and the {@code /v1} API behind bearer tokens. */
public final class HttpApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private final Javalin app;
  private final URI url;

  private HttpApi(Javalin app, URI url) {
    this.app = app;
    this.url = url;
  }

  /** Starts listening on the config's host and port. */
  public static HttpApi start(CloudConfig config, TokenVerifier tokens, Services services) {
    Javalin app = Javalin.create(cfg -> configure(cfg, config, tokens, services));
    app.start(config.httpHost(), config.httpPort());
    URI url = URI.create("http://" + config.httpHost() + ":" + app.port());
    return new HttpApi(app, url);
  }

  private static void configure(JavalinConfig cfg, CloudConfig config, TokenVerifier tokens, Services s) {
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
    cfg.http.maxRequestSize = 64 * 1024;
    cfg.staticFiles.enableWebjars();
    cfg.staticFiles.add(sf -> {
      sf.hostedPath = "/explorer";
      sf.directory = "/web-explorer";
      sf.location = Location.CLASSPATH;
    });
    cfg.routes.get("/", ctx -> ctx.redirect("/explorer/"));
    cfg.requestLogger.http((ctx, ms) -> s.metrics().httpRequest(ctx.method().name(), route(ctx), ctx.status().getCode(),
        ms.doubleValue()));
    cfg.routes.get("/health/live", ctx -> health(ctx, s.readiness().live(), Optional.empty()));
    cfg.routes.get("/health/ready", ctx -> {
      Readiness.Report r = s.readiness().check(s);
      health(ctx, r.ready(), Optional.of(r));
    });
    cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(s.metrics().scrape()));
    cfg.routes.get("/v1/openapi.json", ctx -> resource(ctx, "/openapi/openapi.json"));
    cfg.routes.get("/v1/schemas/spime-record.json", ctx -> resource(ctx, "/openapi/spime-record.schema.json"));
    cfg.routes.before("/explorer/*", ctx -> ctx.header("Content-Security-Policy",
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"));
    cfg.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
    cfg.routes.before("/v1/*", ctx -> {
      ctx.header("Cache-Control", "no-store");
      if (ctx.path().equals("/v1/openapi.json") || ctx.path().startsWith("/v1/schemas/")) {
        return;
      }
      Callers.set(ctx, tokens.verify(Optional.ofNullable(ctx.header("Authorization"))));
    });
    new ApiRoutes(s).register(cfg.routes);
    cfg.routes.exception(UnauthorizedException.class, (e, ctx) -> {
      ctx.header("WWW-Authenticate", "Bearer realm=\"spime\", error=\"invalid_token\"");
      problem(ctx, 401, "Unauthorized", e.getMessage(), Optional.empty());
    });
    cfg.routes.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e.status(), e.title(), e.getMessage(), e.field()));
    cfg.routes.exception(ConcurrencyConflictException.class, (e, ctx) -> problem(ctx, 412, "Precondition failed",
        "the twin changed since revision " + e.expected() + " (it is at " + e.actual() + "); read it again",
        Optional.of("If-Match")));
    cfg.routes.exception(TwinException.class, (e, ctx) -> {
      LOG.warn("store error on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      problem(ctx, 503, "Store unavailable", "the twin store could not answer; retry later", Optional.empty());
    });
    cfg.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
      problem(ctx, 500, "Internal error", "the service failed to answer; the error is in its log", Optional.empty());
    });
    cfg.routes.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        problem(ctx, 404, "Not found", "no such resource: " + ctx.path(), Optional.empty());
      }
    });
  }

  /** The route template a request matched, so metrics keep one series per route, not per VIN. */
  private static String route(Context ctx) {
    try {
      io.javalin.router.Endpoint e = ctx.endpoints().lastHttpEndpoint();
      return e == null ? "unmatched" : e.path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  private static void health(Context ctx, boolean up, Optional<Readiness.Report> report) {
    ObjectNode n = Json.mapper().createObjectNode().put("status", up ? "UP" : "DOWN");
    report.ifPresent(r -> n.set("checks", Json.mapper().valueToTree(r.checks())));
    ctx.status(up ? 200 : 503).json(n);
  }

  private static void resource(Context ctx, String path) throws java.io.IOException {
    try (var in = HttpApi.class.getResourceAsStream(path)) {
      if (in == null) {
        throw ApiProblem.notFound("no such document");
      }
      ctx.contentType("application/json").result(in.readAllBytes());
    }
  }

  static void problem(Context ctx, int status, String title, String detail, Optional<String> field) {
    ObjectNode n = Json.mapper().createObjectNode()
        .put("type", "about:blank").put("title", title).put("status", status).put("detail", detail)
        .put("instance", ctx.path());
    field.ifPresent(f -> n.put("field", f));
    try {
      ctx.status(status).contentType("application/problem+json").result(Json.mapper().writeValueAsString(n));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The API's base URL. */
  public URI url() {
    return url;
  }

  @Override
  public void close() {
    app.stop();
  }
}
