package io.spime.sim.internal.ledger;

import io.spime.sim.internal.model.TroubleCode;
import io.spime.wire.telemetry.SignalValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one car's agent accepted: the count and the last value of each signal, the samples and
 * events it refused, and the trouble-code changes it kept ({@link DtcHistory}). An out-of-process
 * car also appends each to its {@link LedgerFile}: a sample after {@code record} returned, a
 * trouble-code change before {@code raise} and its outcome after. Written by one thread; the counts
 * may be read by any.
 */
public final class Ledger {
  /** A ledger's content at one moment. */
  public record Snapshot(long accepted, long refused, Map<String, SignalValue> lastValues,
      DtcHistory dtcs) {
    static final Snapshot EMPTY = new Snapshot(0, 0, Map.of(), DtcHistory.EMPTY);

    public Snapshot {
      lastValues = Map.copyOf(lastValues);
    }
  }

  private volatile long accepted;
  private volatile long refused;
  private final Map<String, SignalValue> lastValues;
  private final List<DtcHistory.Change> dtcs;
  private DtcHistory.Change pendingDtc;
  private long dtcIntents;
  private final Optional<LedgerFile> file;

  /** An empty ledger in memory only. */
  public Ledger() {
    this(Snapshot.EMPTY, Optional.empty());
  }

  private Ledger(Snapshot start, Optional<LedgerFile> file) {
    this.accepted = start.accepted();
    this.refused = start.refused();
    this.lastValues = new HashMap<>(start.lastValues());
    this.dtcs = new ArrayList<>(start.dtcs().kept());
    this.pendingDtc = start.dtcs().pending().orElse(null);
    this.dtcIntents = start.dtcs().intents();
    this.file = file;
  }

  /** A ledger that continues the file's: its counts, last values and DTCs, appending to it. */
  public static Ledger continuing(LedgerFile file) {
    return new Ledger(file.start(), Optional.of(file));
  }

  public void accepted(String path, SignalValue value) {
    file.ifPresent(ledger -> ledger.accepted(path, value));
    accepted++;
    lastValues.put(path, value);
  }

  public void refuse(String reason) {
    file.ifPresent(ledger -> ledger.refused(reason));
    refused++;
  }

  /**
   * Notes a trouble-code change about to be raised, with the next event id; {@link #dtcKept()} or
   * {@link #dtcRefused} must follow.
   *
   * @throws IllegalStateException if another change is still pending
   */
  public DtcHistory.Change dtcIntent(TroubleCode code, boolean active, long timeMillis) {
    if (pendingDtc != null) {
      throw new IllegalStateException("DTC change " + pendingDtc.eventId() + " is still pending");
    }
    DtcHistory.Change change = new DtcHistory.Change(
        DtcHistory.Change.eventId(dtcIntents, code, active), timeMillis, code, active);
    file.ifPresent(ledger -> ledger.dtcIntent(change));
    dtcIntents++;
    pendingDtc = change;
    return change;
  }

  /** The pending change was kept by the agent. */
  public void dtcKept() {
    DtcHistory.Change change = requirePending();
    file.ifPresent(ledger -> ledger.dtcKept(change));
    dtcs.add(change);
    pendingDtc = null;
  }

  /** The agent refused the pending change; it counts as refused. */
  public void dtcRefused(String reason) {
    DtcHistory.Change change = requirePending();
    file.ifPresent(ledger -> ledger.dtcRefused(change, reason));
    refused++;
    pendingDtc = null;
  }

  /** A change noted but not confirmed: a kill came while it was raised. */
  public Optional<DtcHistory.Change> pendingDtc() {
    return Optional.ofNullable(pendingDtc);
  }

  private DtcHistory.Change requirePending() {
    if (pendingDtc == null) {
      throw new IllegalStateException("no DTC change is pending");
    }
    return pendingDtc;
  }

  public long accepted() {
    return accepted;
  }

  public long refused() {
    return refused;
  }

  public Map<String, SignalValue> lastValues() {
    return Map.copyOf(lastValues);
  }

  public DtcHistory dtcs() {
    return new DtcHistory(dtcs, Optional.ofNullable(pendingDtc), dtcIntents);
  }

  public Snapshot snapshot() {
    return new Snapshot(accepted, refused, lastValues, dtcs());
  }
}
