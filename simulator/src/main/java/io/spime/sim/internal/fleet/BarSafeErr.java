package io.spime.sim.internal.fleet;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard error while a progress bar is drawn in place at a terminal: every line written through
 * it (the logs) first returns to the start of the line and clears it ({@code CR}, {@code ESC[K}),
 * so a log line replaces the bar instead of gluing onto it; the bar redraws itself below on its
 * next update. The bar itself writes to the stream it was built with, not through this one.
 */
final class BarSafeErr extends PrintStream {
  private static final byte[] CLEAR_LINE = "\r\u001b[K".getBytes(StandardCharsets.US_ASCII);

  private boolean atLineStart = true;

  BarSafeErr(OutputStream terminal) {
    super(terminal, true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    clearIfAtLineStart();
    super.write(b);
    atLineStart = b == '\n';
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int from = offset;
    for (int i = offset; i < end; i++) {
      if (bytes[i] == '\n') {
        clearIfAtLineStart();
        super.write(bytes, from, i + 1 - from);
        atLineStart = true;
        from = i + 1;
      }
    }
    if (from < end) {
      clearIfAtLineStart();
      super.write(bytes, from, end - from);
      atLineStart = false;
    }
  }

  private void clearIfAtLineStart() {
    if (atLineStart) {
      super.write(CLEAR_LINE, 0, CLEAR_LINE.length);
      atLineStart = false;
    }
  }
}
