package io.spime.agent.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.spime.agent.AgentStats;
import io.spime.agent.DownlinkRefusal;
import io.spime.agent.RefusalReason;
import io.spime.wire.Priority;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Publishes an edge agent's counters and gauges to a Micrometer registry, read from {@link
 * io.spime.agent.EdgeAgent#stats()} at each scrape: {@code new AgentMeterBinder(agent::stats).bindTo(registry)}.
 * Meters are named {@code spime.agent.*}, tagged with the given tags (a VIN, an ECU).
 */
public final class AgentMeterBinder implements MeterBinder {
  private final Supplier<AgentStats> stats;
  private final Tags tags;

  /**
   * A binder reading the agent's stats from {@code stats}.
   *
   * @throws NullPointerException if an argument is null
   */
  public AgentMeterBinder(Supplier<AgentStats> stats, Iterable<Tag> tags) {
    this.stats = Objects.requireNonNull(stats, "stats");
    this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
  }

  /** A binder without extra tags. */
  public AgentMeterBinder(Supplier<AgentStats> stats) {
    this(stats, Tags.empty());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "spime.agent.samples.accepted", "Samples record kept", AgentStats::acceptedSamples, Tags.empty());
    counter(registry, "spime.agent.samples.recovered", "Samples found in the journal at start",
        AgentStats::recoveredSamples, Tags.empty());
    for (RefusalReason r : RefusalReason.values()) {
      counter(registry, "spime.agent.samples.refused", "Samples record did not keep", s -> s.refused(r),
          Tags.of("reason", r.name()));
    }
    for (Priority p : Priority.values()) {
      counter(registry, "spime.agent.samples.evicted", "Samples of older outbox rows evicted for room",
          s -> s.evictedSamples().getOrDefault(p, 0L), Tags.of("priority", p.name()));
    }
    counter(registry, "spime.agent.batches.sealed", "Telemetry batches written to the outbox", AgentStats::batchesSealed,
        Tags.empty());
    counter(registry, "spime.agent.batches.evicted", "Outbox rows evicted for room", AgentStats::evictedBatches, Tags.empty());
    counter(registry, "spime.agent.events.raised", "Events accepted", AgentStats::eventsRaised, Tags.empty());
    counter(registry, "spime.agent.events.refused", "Events refused", AgentStats::eventsRefused, Tags.empty());
    counter(registry, "spime.agent.messages.sent", "Uplink messages the broker acknowledged", AgentStats::messagesSent,
        Tags.empty());
    counter(registry, "spime.agent.messages.resent", "Publishes of a seq published before", AgentStats::messagesResent,
        Tags.empty());
    counter(registry, "spime.agent.publishes.refused", "Uplink publishes the broker refused", AgentStats::publishesRefused,
        Tags.empty());
    counter(registry, "spime.agent.connects", "Successful connections", AgentStats::connects, Tags.empty());
    counter(registry, "spime.agent.reconnects", "Connections after a lost link", AgentStats::reconnects, Tags.empty());
    counter(registry, "spime.agent.downlink.rejected", "Downlink messages rejected", AgentStats::downlinkRejected,
        Tags.empty());
    for (DownlinkRefusal r : DownlinkRefusal.values()) {
      counter(registry, "spime.agent.downlink.refused", "Signed-downlink refusals", s -> s.downlinkRefusals()
          .getOrDefault(r, 0L), Tags.of("reason", r.name()));
    }
    counter(registry, "spime.agent.record.disk.waits", "record calls that waited on the disk", AgentStats::recordDiskWaits,
        Tags.empty());
    gauge(registry, "spime.agent.backlog.batches", "Outbox rows not yet acknowledged", AgentStats::backlogBatches);
    gauge(registry, "spime.agent.backlog.bytes", "Their payload bytes", AgentStats::backlogBytes);
    gauge(registry, "spime.agent.acked.seq", "Highest sequence acknowledged", AgentStats::ackedSeq);
    gauge(registry, "spime.agent.connected", "1 while the link is up", s -> s.connected() ? 1 : 0);
    gauge(registry, "spime.agent.record.disk.wait.max", "Longest disk wait of record, microseconds",
        AgentStats::maxRecordDiskWaitMicros);
  }

  private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<AgentStats> f,
      Tags extra) {
    FunctionCounter.builder(name, stats, s -> f.applyAsDouble(s.get())).description(description)
        .tags(tags.and(extra)).register(registry);
  }

  private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<AgentStats> f) {
    Gauge.builder(name, stats, s -> f.applyAsDouble(s.get())).description(description).tags(tags).register(registry);
  }
}
