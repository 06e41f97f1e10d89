package io.spime.sim.internal;

import io.spime.wire.SignalValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one car's agent accepted: the count and the last value of each signal, and the samples it
 * refused. An out-of-process car also appends each to its {@link LedgerFile}, after {@code record}
 * returned. Written by one thread; the counts may be read by any.
 */
final class Ledger {
  /** A ledger's content at one moment. */
  record Snapshot(long accepted, long refused, Map<String, SignalValue> lastValues) {
    static final Snapshot EMPTY = new Snapshot(0, 0, Map.of());

    Snapshot {
      lastValues = Map.copyOf(lastValues);
    }
  }

  private volatile long accepted;
  private volatile long refused;
  private final Map<String, SignalValue> lastValues;
  private final Optional<LedgerFile> file;

  /** An empty ledger in memory only. */
  Ledger() {
    this(Snapshot.EMPTY, Optional.empty());
  }

  private Ledger(Snapshot start, Optional<LedgerFile> file) {
    this.accepted = start.accepted();
    this.refused = start.refused();
    this.lastValues = new HashMap<>(start.lastValues());
    this.file = file;
  }

  /** A ledger that continues the file's: its counts and last values, appending to it. */
  static Ledger continuing(LedgerFile file) {
    return new Ledger(file.start(), Optional.of(file));
  }

  void accepted(String path, SignalValue value) {
    file.ifPresent(ledger -> ledger.accepted(path, value));
    accepted++;
    lastValues.put(path, value);
  }

  void refuse(String reason) {
    file.ifPresent(ledger -> ledger.refused(reason));
    refused++;
  }

  long accepted() {
    return accepted;
  }

  long refused() {
    return refused;
  }

  Map<String, SignalValue> lastValues() {
    return Map.copyOf(lastValues);
  }

  Snapshot snapshot() {
    return new Snapshot(accepted, refused, lastValues);
  }
}
