package io.spime.agent.internal;

/**
 * How many rows a seal may number for sending at once: at most {@code maxRows} (the room in the
 * publish window), and only while fewer than {@code maxUnacked} numbered rows await their ack.
 */
public record SendWindow(int maxRows, long maxUnacked) {
  /** The link is down: number nothing. */
  public static final SendWindow CLOSED = new SendWindow(0, 0);

  public SendWindow {
    if (maxRows < 0 || maxUnacked < 0) {
      throw new IllegalArgumentException("negative send window " + maxRows + "/" + maxUnacked);
    }
  }

  /** Rows that may be numbered now, with {@code unacked} numbered rows not yet acknowledged. */
  int allowance(long unacked) {
    return (int) Math.max(0, Math.min(maxRows, maxUnacked - unacked));
  }
}
