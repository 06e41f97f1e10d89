package io.spime.sim.internal.fleet;

import io.spime.sim.internal.report.RunSeries;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The drive's progress, as {@link ConsoleMode} says: a bar redrawn at a terminal, or a whole
 * status line every so often (time driven, cars online, samples/s, backlog, reconnects, links cut
 * now and agents killed so far), or nothing.
 */
final class DriveProgress implements AutoCloseable {
  private final ProgressBar bar;
  private final java.io.PrintStream errBefore = System.err;
  private final ConsoleMode mode;
  private final Duration duration;
  private final int cars;
  private double nextLineAt;

  DriveProgress(Duration duration, int cars, ConsoleMode mode) {
    this.duration = duration;
    this.cars = cars;
    this.mode = mode;
    this.nextLineAt = mode.every().toMillis() / 1000.0;
    this.bar = mode.status() != ConsoleMode.Status.BAR ? null : new ProgressBarBuilder()
        .setTaskName("driving")
        .setInitialMax(duration.toSeconds())
        .setUnit("s", 1)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(1000)
        .setMaxRenderedLength(140)
        .continuousUpdate()
        .build();
    if (bar != null) {
      // The bar holds the terminal's stream; logs written from now on clear the bar's line first.
      System.setErr(new BarSafeErr(errBefore));
    }
  }

  void show(RunSeries.Row row) {
    String figures = String.format(Locale.ROOT,
        "online %d/%d | %,d/s | backlog %,d | reconnects %d | cut %d | killed %d",
        row.online(), cars, row.acceptedPerSecond(), row.backlogBatches(), row.reconnects(),
        row.linksCut(), row.agentKills());
    if (bar != null) {
      bar.stepTo(Math.min(bar.getMax(), Math.round(row.seconds())));
      bar.setExtraMessage(figures);
    } else if (mode.status() == ConsoleMode.Status.LINES && row.seconds() >= nextLineAt) {
      mode.statusOut().println(line(row.seconds(), duration, figures));
      mode.statusOut().flush();
      while (nextLineAt <= row.seconds()) {
        nextLineAt += mode.every().toMillis() / 1000.0;
      }
    }
  }

  /** A status line: {@code spime-sim: driving 10 s of 60 s | online 10/10 | …}. */
  static String line(double seconds, Duration duration, String figures) {
    return String.format(Locale.ROOT, "spime-sim: driving %d s of %d s | %s",
        Math.round(seconds), duration.toSeconds(), figures);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      System.setErr(errBefore);
    }
  }
}
