package io.spime.agent.internal;

/** What storing new rows did to the outbox; the arrays are indexed by priority ordinal. */
public final class SealResult {
  final long[] evictedRows = new long[4];
  final long[] evictedItems = new long[4];
  final long[] refusedRows = new long[4];
  final long[] refusedItems = new long[4];
  int criticalOverLimit;
  int numbered;

  /** Rows numbered for sending in the same transaction (see {@link Outbox#seal(long, java.util.List, SendWindow)}). */
  public int numbered() {
    return numbered;
  }

  /** Older unsent rows evicted to make room. */
  public long evictedRows(int priority) {
    return evictedRows[priority];
  }

  /** Samples or events in the evicted rows. */
  public long evictedItems(int priority) {
    return evictedItems[priority];
  }

  /** New rows that found no room. */
  public long refusedRows(int priority) {
    return refusedRows[priority];
  }

  /** Samples or events in the refused rows. */
  public long refusedItems(int priority) {
    return refusedItems[priority];
  }

  /** Critical rows stored although the byte limit was reached. */
  public int criticalOverLimit() {
    return criticalOverLimit;
  }
}
