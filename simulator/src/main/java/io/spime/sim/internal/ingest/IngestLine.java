package io.spime.sim.internal.ingest;

import io.spime.cloud.sync.IngestStats;
import io.spime.cloud.sync.RejectReason;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The line protocol between an ingest process and the run: {@code spime-ingest ready}, then {@code
 * spime-ingest status key=value ...} with every counter of {@link IngestStats}; the run sends {@code
 * close}.
 */
final class IngestLine {
  static final String PREFIX = "spime-ingest ";
  static final String READY = "ready";
  static final String STATUS = "status";
  static final String CLOSE = "close";
  private static final String REJECTED = "rejected.";

  private IngestLine() {}

  static String status(IngestStats s) {
    StringBuilder line = new StringBuilder(PREFIX + STATUS);
    field(line, "received", s.received());
    field(line, "appliedBatches", s.appliedBatches());
    field(line, "appliedSamples", s.appliedSamples());
    field(line, "duplicateBatches", s.duplicateBatches());
    field(line, "gapBatches", s.gapBatches());
    field(line, "acksSent", s.acksSent());
    field(line, "acksDeferred", s.acksDeferred());
    field(line, "carEvents", s.carEvents());
    field(line, "twinEventsAppended", s.twinEventsAppended());
    field(line, "twinEventsRefused", s.twinEventsRefused());
    field(line, "quarantined", s.quarantined());
    field(line, "samplesDroppedNoConsent", s.samplesDroppedNoConsent());
    field(line, "statuses", s.statuses());
    s.rejected().forEach((reason, count) -> field(line, REJECTED + reason.name(), count));
    return line.toString();
  }

  /** The stats of a status line's fields (without the prefix and the word status). */
  static IngestStats parse(String said) {
    Map<String, Long> f = new HashMap<>();
    Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
    for (String part : said.split(" ")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = part.substring(0, eq);
      long value = Long.parseLong(part.substring(eq + 1));
      if (key.startsWith(REJECTED)) {
        rejected.put(RejectReason.valueOf(key.substring(REJECTED.length())), value);
      } else {
        f.put(key, value);
      }
    }
    return new IngestStats(n(f, "received"), n(f, "appliedBatches"), n(f, "appliedSamples"),
        n(f, "duplicateBatches"), n(f, "gapBatches"), n(f, "acksSent"), n(f, "acksDeferred"), rejected,
        n(f, "carEvents"), n(f, "twinEventsAppended"), n(f, "twinEventsRefused"), n(f, "quarantined"),
        n(f, "samplesDroppedNoConsent"), n(f, "statuses"));
  }

  /** The sum of two stats, counter by counter. */
  static IngestStats plus(IngestStats a, IngestStats b) {
    Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
    a.rejected().forEach((reason, count) -> rejected.merge(reason, count, Long::sum));
    b.rejected().forEach((reason, count) -> rejected.merge(reason, count, Long::sum));
    return new IngestStats(a.received() + b.received(), a.appliedBatches() + b.appliedBatches(),
        a.appliedSamples() + b.appliedSamples(), a.duplicateBatches() + b.duplicateBatches(),
        a.gapBatches() + b.gapBatches(), a.acksSent() + b.acksSent(), a.acksDeferred() + b.acksDeferred(),
        rejected, a.carEvents() + b.carEvents(), a.twinEventsAppended() + b.twinEventsAppended(),
        a.twinEventsRefused() + b.twinEventsRefused(), a.quarantined() + b.quarantined(),
        a.samplesDroppedNoConsent() + b.samplesDroppedNoConsent(), a.statuses() + b.statuses());
  }

  static IngestStats zero() {
    return new IngestStats(0, 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0);
  }

  private static void field(StringBuilder line, String key, long value) {
    line.append(' ').append(key).append('=').append(value);
  }

  private static long n(Map<String, Long> fields, String key) {
    return fields.getOrDefault(key, 0L);
  }
}
