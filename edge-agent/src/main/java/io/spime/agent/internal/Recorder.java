package io.spime.agent.internal;

import io.spime.agent.RefusalReason;
import io.spime.wire.Priority;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import io.spime.wire.catalog.SignalType;
import io.spime.wire.state.CollectionMode;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The record path: checks a sample against the catalog, the consent and the collection policy,
 * then appends it to the journal and to the in-memory list the sealer turns into batches. Every
 * method is thread-safe.
 */
final class Recorder {
  /** What the sealer takes: the samples of one retired journal generation. */
  record Cut(long generation, List<PendingSample> samples) {}

  /** Outcome of one append. */
  enum Appended { KEPT, REFUSED, JOURNAL_FULL }

  private final SignalCatalog catalog;
  private final SignalDefinition[] signals;
  private final Journal journal;
  private final AgentCounters counters;
  private volatile CompiledRules rules;
  private final Object lock = new Object();
  private List<PendingSample> pending = new ArrayList<>();
  private volatile int pendingSize;
  private volatile double journalFill;
  private final SignalValue[] lastKept;
  private final long[] lastKeptTime;

  Recorder(SignalCatalog catalog, Journal journal, CompiledRules rules, AgentCounters counters) {
    this.catalog = catalog;
    this.journal = journal;
    this.rules = rules;
    this.counters = counters;
    int size = rules.modes.length;
    this.signals = new SignalDefinition[size];
    for (SignalDefinition signal : catalog.signals()) {
      signals[signal.id()] = signal;
    }
    this.lastKept = new SignalValue[size];
    this.lastKeptTime = new long[size];
  }

  /** The catalog entry for an id. @throws io.spime.wire.UnknownSignalException if absent */
  SignalDefinition signal(int signalId) {
    if (signalId > 0 && signalId < signals.length && signals[signalId] != null) {
      return signals[signalId];
    }
    return catalog.require(signalId);
  }

  SignalDefinition signal(String path) {
    return catalog.require(Objects.requireNonNull(path, "vssPath"));
  }

  CompiledRules rules() {
    return rules;
  }

  void rules(CompiledRules next) {
    rules = next;
  }

  /** Longest text value accepted, in UTF-8 bytes. */
  static final int MAX_TEXT_BYTES = 4096;

  /** Checks the value against the signal's type. @throws IllegalArgumentException naming both */
  static SignalValue check(SignalDefinition signal, SignalValue value) {
    if (value instanceof SignalValue.Text text
        && text.value().length() * 3 > MAX_TEXT_BYTES
        && text.value().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
      throw new IllegalArgumentException(signal.path() + ": text of "
          + text.value().length() + " characters exceeds " + MAX_TEXT_BYTES + " UTF-8 bytes");
    }
    if (!value.fits(signal.type())) {
      throw new IllegalArgumentException(signal.path() + " is " + signal.vssDatatype()
          + "; a " + describe(value) + " does not fit it");
    }
    if (signal.type() == SignalType.INTEGER && value instanceof SignalValue.Number number
        && number.value() != Math.rint(number.value())) {
      throw new IllegalArgumentException(signal.path() + " is " + signal.vssDatatype()
          + "; " + number.value() + " is not a whole number");
    }
    return value;
  }

  /** The priority a sample of this signal is kept at, or empty with the refusal counted. */
  Priority admit(SignalDefinition signal, Outbox outbox) {
    CompiledRules current = rules;
    int id = signal.id();
    if (!current.consented[id]) {
      counters.refused(RefusalReason.NO_CONSENT);
      return null;
    }
    if (current.modes[id] == CollectionMode.OFF) {
      counters.refused(RefusalReason.POLICY_OFF);
      return null;
    }
    Priority priority = current.priorities[id];
    if (outbox.isFullFor(priority)) {
      counters.refused(RefusalReason.OUTBOX_FULL);
      return null;
    }
    return priority;
  }

  /** Applies the collection rule and appends a kept sample to the journal. */
  Appended append(Sample sample, Priority priority) {
    int id = sample.signalId();
    CompiledRules current = rules;
    synchronized (lock) {
      RefusalReason filtered = filter(current, id, sample);
      if (filtered != null) {
        counters.refused(filtered);
        return Appended.REFUSED;
      }
      if (!journal.append(sample, priority)) {
        return Appended.JOURNAL_FULL;
      }
      pending.add(new PendingSample(sample, priority));
      pendingSize = pending.size();
      journalFill = journal.fill();
      lastKept[id] = sample.value();
      lastKeptTime[id] = sample.timeMillis();
    }
    counters.accepted();
    return Appended.KEPT;
  }

  /** Appends a sample without the collection rule (for a snapshot the cloud asked for). */
  Appended appendUnfiltered(Sample sample, Priority priority) {
    synchronized (lock) {
      if (!journal.append(sample, priority)) {
        return Appended.JOURNAL_FULL;
      }
      pending.add(new PendingSample(sample, priority));
      pendingSize = pending.size();
    }
    counters.accepted();
    return Appended.KEPT;
  }

  /** Flushes the journal to the device: the caller's samples now survive a power cut. */
  void force() {
    synchronized (lock) {
      journal.force();
    }
  }

  int pendingSize() {
    return pendingSize;
  }

  /** Fill of the active journal segment after the last append, 0..1. */
  double journalFill() {
    return journalFill;
  }

  /** The last kept value of every signal that has one, for a snapshot. */
  List<Sample> lastValues(long timeMillis) {
    List<Sample> out = new ArrayList<>();
    synchronized (lock) {
      for (int id = 1; id < lastKept.length; id++) {
        if (lastKept[id] != null) {
          out.add(new Sample(id, timeMillis, lastKept[id]));
        }
      }
    }
    return out;
  }

  /** Retires the active journal segment and takes its samples; null when there is nothing. */
  Cut cut() {
    synchronized (lock) {
      if (journal.activeIsEmpty()) {
        return null;
      }
      long generation = journal.activeGeneration();
      journal.rotate(generation + 1);
      List<PendingSample> taken = pending;
      pending = new ArrayList<>();
      pendingSize = 0;
      journalFill = 0;
      return new Cut(generation, taken);
    }
  }

  private RefusalReason filter(CompiledRules current, int id, Sample sample) {
    SignalValue last = lastKept[id];
    if (last == null) {
      return null;
    }
    switch (current.modes[id]) {
      case ON_CHANGE:
        if (last instanceof SignalValue.Number before && sample.value() instanceof SignalValue.Number now) {
          double delta = Math.abs(now.value() - before.value());
          return delta > current.deadbands[id] || (current.deadbands[id] == 0 && delta > 0)
              ? null : RefusalReason.DEADBAND;
        }
        return last.equals(sample.value()) ? RefusalReason.DEADBAND : null;
      case PERIODIC:
        long elapsed = sample.timeMillis() - lastKeptTime[id];
        // A clock that jumped backwards counts as time passed, so the signal is not muted.
        return elapsed >= 0 && elapsed < current.minIntervalMillis[id] ? RefusalReason.MIN_INTERVAL : null;
      default:
        return null;
    }
  }

  private static String describe(SignalValue value) {
    if (value instanceof SignalValue.Number) {
      return "number";
    }
    return value instanceof SignalValue.Bool ? "boolean" : "text";
  }
}
