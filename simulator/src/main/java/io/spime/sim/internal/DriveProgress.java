package io.spime.sim.internal;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The live progress bar on standard error: time driven, cars online, samples/s, backlog, reconnects,
 * links cut now and agents killed so far.
 */
final class DriveProgress implements AutoCloseable {
  private final ProgressBar bar;
  private final int cars;

  DriveProgress(Duration duration, int cars) {
    this.cars = cars;
    this.bar = new ProgressBarBuilder()
        .setTaskName("driving")
        .setInitialMax(duration.toSeconds())
        .setUnit("s", 1)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(1000)
        .setMaxRenderedLength(140)
        .continuousUpdate()
        .build();
  }

  void show(RunSeries.Row row) {
    bar.stepTo(Math.min(bar.getMax(), Math.round(row.seconds())));
    bar.setExtraMessage(String.format(
        "online %d/%d | %,d/s | backlog %,d | reconnects %d | cut %d | killed %d",
        row.online(), cars, row.acceptedPerSecond(), row.backlogBatches(), row.reconnects(),
        row.linksCut(), row.agentKills()));
  }

  @Override
  public void close() {
    bar.close();
  }
}
