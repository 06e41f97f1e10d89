package io.spime.cloud.service.internal.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.spime.cloud.sync.DurabilityListener;
import io.spime.cloud.sync.FleetIngest;
import io.spime.cloud.sync.IngestStats;
import io.spime.cloud.sync.RejectReason;
import io.spime.cloud.sync.TransactionListener;
import io.spime.twin.FleetReads;
import io.spime.twin.fleet.FleetPage;
import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.fleet.PageRequest;
import io.spime.wire.telemetry.TelemetryBatch;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The service's Prometheus metrics: the ingest's counters, its queue, apply lag, store transactions, cars online, JVM. */
public final class ServiceMetrics implements DurabilityListener, TransactionListener {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceMetrics.class);
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer applyLag;
  private final Timer committed;
  private final Timer failed;
  private final AtomicLong carsOnline = new AtomicLong(-1);

  public ServiceMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    applyLag = Timer.builder("spime.ingest.apply.lag")
        .description("Time from the broker's delivery to durable in the store, per telemetry batch")
        .publishPercentiles(0.5, 0.99).register(registry);
    committed = Timer.builder("spime.store.transaction").tag("outcome", "committed")
        .description("Store transactions of the ingest's apply thread")
        .publishPercentiles(0.5, 0.99).register(registry);
    failed = Timer.builder("spime.store.transaction").tag("outcome", "failed")
        .description("Store transactions of the ingest's apply thread").register(registry);
  }

  /** Counters and gauges read from the ingest at each scrape. */
  public void bind(FleetIngest ingest) {
    counter("spime.ingest.received", "Messages taken from the broker", ingest, IngestStats::received);
    counter("spime.ingest.applied.batches", "Uplink messages made durable", ingest, IngestStats::appliedBatches);
    counter("spime.ingest.applied.samples", "Samples made durable", ingest, IngestStats::appliedSamples);
    counter("spime.ingest.duplicates", "Uplink messages already durable", ingest, IngestStats::duplicateBatches);
    counter("spime.ingest.gaps", "Uplink messages ahead of the next seq", ingest, IngestStats::gapBatches);
    counter("spime.ingest.acks.sent", "Acks published", ingest, IngestStats::acksSent);
    counter("spime.ingest.acks.deferred", "Acks kept to go out later", ingest, IngestStats::acksDeferred);
    counter("spime.ingest.quarantined", "Refused messages kept raw in place", ingest, IngestStats::quarantined);
    counter("spime.ingest.samples.dropped.no.consent", "Samples without consent, dropped", ingest,
        IngestStats::samplesDroppedNoConsent);
    for (RejectReason reason : RejectReason.values()) {
      FunctionCounter.builder("spime.ingest.rejected", ingest,
              i -> i.stats().rejected().getOrDefault(reason, 0L).doubleValue())
          .tag("reason", reason.name()).description("Messages refused, by reason").register(registry);
    }
    Gauge.builder("spime.ingest.queue.messages", ingest, i -> i.queueDepth().messages())
        .description("Messages waiting between the broker and the store").register(registry);
    Gauge.builder("spime.ingest.queue.bytes", ingest, i -> i.queueDepth().bytes())
        .description("Payload bytes waiting between the broker and the store").baseUnit("bytes").register(registry);
    Gauge.builder("spime.ingest.connected", ingest, i -> i.isConnected() ? 1 : 0)
        .description("1 while the ingest's broker link is up").register(registry);
  }

  /** The cars-online gauge, counted from the store's connectivity index every {@code every}. */
  public void countCarsOnline(FleetReads fleet, java.util.concurrent.ScheduledExecutorService timer, Duration every) {
    Gauge.builder("spime.cars.online", carsOnline, AtomicLong::get)
        .description("Cars whose last status is online (-1 before the first count)").register(registry);
    timer.scheduleWithFixedDelay(() -> {
      try {
        carsOnline.set(countOnline(fleet));
      } catch (RuntimeException e) {
        LOG.warn("cannot count the cars online: {}", e.getMessage());
      }
    }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static long countOnline(FleetReads fleet) {
    long n = 0;
    Optional<String> cursor = Optional.empty();
    do {
      FleetPage page = fleet.fleet(new FleetQuery.Online(true), new PageRequest(10_000, cursor));
      n += page.vehicles().size();
      cursor = page.next();
    } while (cursor.isPresent());
    return n;
  }

  private void counter(String name, String description, FleetIngest ingest, ToDoubleFunction<IngestStats> f) {
    FunctionCounter.builder(name, ingest, i -> f.applyAsDouble(i.stats())).description(description).register(registry);
  }

  /** One HTTP request answered: its method, route template, status and time. */
  public void httpRequest(String method, String route, int status, double millis) {
    Timer.builder("spime.http.requests").description("HTTP requests answered, by route and status")
        .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
        .publishPercentiles(0.5, 0.99).register(registry)
        .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
  }

  /** The registry, for further meters. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The scrape in Prometheus' text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void durable(TelemetryBatch batch, long committedMillis) {
    // the three-argument form below is what the ingest calls
  }

  @Override
  public void durable(TelemetryBatch batch, long receivedMillis, long committedMillis) {
    applyLag.record(Math.max(0, committedMillis - receivedMillis), TimeUnit.MILLISECONDS);
  }

  @Override
  public void transaction(int messages, long nanos, boolean ok) {
    (ok ? committed : failed).record(nanos, TimeUnit.NANOSECONDS);
  }
}
