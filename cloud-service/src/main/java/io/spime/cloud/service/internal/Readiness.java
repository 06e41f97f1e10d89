package io.spime.cloud.service.internal;

import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.fleet.PageRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Readiness: the broker link is up, the store answers, and no ingest thread died. */
public final class Readiness {
  private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);
  private final AtomicReference<Throwable> fatal = new AtomicReference<>();

  /** The ingest's fatal-error handler: the service stays up for its probes, but is not ready nor live. */
  public void fatal(Throwable cause) {
    fatal.compareAndSet(null, cause);
    LOG.error("an ingest thread died; the service reports not ready and not live until restarted", cause);
  }

  /** Whether no ingest thread died (liveness). */
  public boolean live() {
    return fatal.get() == null;
  }

  /** The checks now. */
  public Report check(Services s) {
    Map<String, String> checks = new LinkedHashMap<>();
    checks.put("broker", s.ingest().isConnected() ? "up" : "down");
    checks.put("ingest", live() && s.ingest().isHealthy() ? "up"
        : "down: " + Optional.ofNullable(fatal.get()).or(() -> s.ingest().failure())
            .map(t -> t.getClass().getSimpleName()).orElse("failed"));
    try {
      s.store().fleet(new FleetQuery.Online(true), PageRequest.first(1));
      checks.put("store", "up");
    } catch (RuntimeException e) {
      checks.put("store", "down");
    }
    return new Report(checks.values().stream().allMatch("up"::equals), checks);
  }

  /** The outcome of the checks, by name. */
  public record Report(boolean ready, Map<String, String> checks) {
    public Report {
      checks = Map.copyOf(checks);
    }
  }
}
