package io.spime.sim.internal.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** At a terminal, a log line clears the progress bar's line before it is written. */
class BarSafeErrTest {
  @Test
  void each_line_starts_by_clearing_the_bars_line() {
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    BarSafeErr err = new BarSafeErr(terminal);

    err.print("12:00:00.001 WARN first\n12:00:00.002 WARN sec");
    err.print("ond\n");
    err.write('x');
    err.println();

    assertEquals("\r\u001b[K12:00:00.001 WARN first\n\r\u001b[K12:00:00.002 WARN second\n"
        + "\r\u001b[Kx\n", terminal.toString(StandardCharsets.UTF_8));
  }
}
