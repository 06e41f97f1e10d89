package io.spime.agent.internal;

import io.spime.agent.AgentClosedException;
import io.spime.agent.OutboxException;
import io.spime.wire.OversizedPayloadException;
import io.spime.wire.Priority;
import io.spime.wire.TopicKind;
import io.spime.wire.AssetId;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryCodec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns journal cuts into telemetry batches (one priority per batch, bounded in samples and bytes)
 * and stores them in the outbox together with the journal generation they came from. One seal at a
 * time: a retired journal segment is reused only after its samples are committed to the outbox.
 */
final class Sealer {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Sealer.class);
  private static final int MAX_BATCH_ESTIMATED_BYTES = 256 * 1024;

  private final Recorder recorder;
  private final Outbox outbox;
  private final TelemetryCodec codec;
  private final AssetId vin;
  private final int maxBatchSamples;
  private final AgentCounters counters;
  private final Clock clock;
  private final Supplier<SendWindow> sendWindow;
  private Recorder.Cut unsealed;
  private boolean closed;

  /** {@code sendWindow} says how many rows each seal may number for sending at once. */
  Sealer(Recorder recorder, Outbox outbox, TelemetryCodec codec, AssetId vin, int maxBatchSamples,
      AgentCounters counters, Clock clock, Supplier<SendWindow> sendWindow) {
    this.recorder = recorder;
    this.outbox = outbox;
    this.codec = codec;
    this.vin = vin;
    this.maxBatchSamples = maxBatchSamples;
    this.counters = counters;
    this.clock = clock;
    this.sendWindow = sendWindow;
  }

  /**
   * Seals everything recorded so far into the outbox.
   *
   * @throws OutboxException if the outbox cannot store the batches; they stay in the journal and
   *     are retried by the next seal, and the journal is not reused until they are stored
   */
  synchronized void sealNow() {
    if (closed) {
      throw new AgentClosedException("the agent of " + vin + " is closed");
    }
    if (unsealed != null) {
      store(unsealed);
      unsealed = null;
    }
    Recorder.Cut cut = recorder.cut();
    if (cut == null) {
      return;
    }
    unsealed = cut;
    store(cut);
    unsealed = null;
  }

  /** Seals what is pending one last time; later seals throw AgentClosedException. */
  synchronized void close() {
    if (!closed) {
      sealNow();
      closed = true;
    }
  }

  /**
   * Seals what the journal holds above the outbox's sealed generation (what the last run accepted
   * but did not seal), then starts the journal on the next generation.
   */
  synchronized void recover(Journal journal, Outbox outbox) {
    for (Journal.Recovered found : journal.recover(outbox.sealedGeneration())) {
      LOG.info("agent {}: recovering {} samples of journal generation {}", vin,
          found.samples().size(), found.generation());
      storeRecovered(found.generation(), found.samples());
    }
    journal.start(Math.max(journal.highestGeneration(), outbox.sealedGeneration()) + 1);
  }

  /** Stores samples recovered from the journal at start, under their generation. */
  synchronized void storeRecovered(long generation, List<PendingSample> samples) {
    store(new Recorder.Cut(generation, samples));
    counters.recovered.add(samples.size());
  }

  private void store(Recorder.Cut cut) {
    List<OutboxRow> rows = rows(cut.samples());
    SealResult result = outbox.seal(cut.generation(), rows, sendWindow.get());
    counters.add(result);
    long refused = 0;
    for (Priority priority : Priority.values()) {
      refused += result.refusedRows(priority.ordinal());
    }
    counters.batchesSealed.add(rows.size() - refused);
  }

  /** Rows by priority, highest first, each at most maxBatchSamples and about 256 KB. */
  private List<OutboxRow> rows(List<PendingSample> samples) {
    List<List<Sample>> byPriority = new ArrayList<>();
    for (int i = 0; i < Priority.values().length; i++) {
      byPriority.add(new ArrayList<>());
    }
    for (PendingSample pending : samples) {
      byPriority.get(pending.priority().ordinal()).add(pending.sample());
    }
    List<OutboxRow> rows = new ArrayList<>();
    long now = clock.millis();
    for (int p = byPriority.size() - 1; p >= 0; p--) {
      List<Sample> list = byPriority.get(p);
      int start = 0;
      long estimate = 0;
      for (int i = 0; i < list.size(); i++) {
        estimate += estimate(list.get(i).value());
        if (i + 1 - start >= maxBatchSamples || estimate >= MAX_BATCH_ESTIMATED_BYTES || i == list.size() - 1) {
          addEncoded(rows, list.subList(start, i + 1), Priority.values()[p], now);
          start = i + 1;
          estimate = 0;
        }
      }
    }
    return rows;
  }

  private void addEncoded(List<OutboxRow> rows, List<Sample> samples, Priority priority, long now) {
    try {
      byte[] body = codec.encodeBody(vin, samples);
      rows.add(new OutboxRow(TopicKind.TELEMETRY, priority, samples.size(), now, body));
    } catch (OversizedPayloadException e) {
      int half = samples.size() / 2;
      addEncoded(rows, samples.subList(0, half), priority, now);
      addEncoded(rows, samples.subList(half, samples.size()), priority, now);
    }
  }

  private static int estimate(SignalValue value) {
    if (value instanceof SignalValue.Text text) {
      return text.value().length() * 3 + 4;
    }
    return 6;
  }
}
