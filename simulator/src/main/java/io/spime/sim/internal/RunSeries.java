package io.spime.sim.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The run's time series, one row a second: what the progress bar shows and the report charts. */
final class RunSeries {
  /** One second of the run. */
  record Row(
      double seconds,
      int online,
      long acceptedPerSecond,
      long storedPerSecond,
      long backlogBatches,
      long reconnects,
      int linksCut,
      int agentsDown,
      int agentKills) {}

  private final List<Row> rows = new ArrayList<>();
  private final long startNanos = System.nanoTime();
  private long lastAccepted;
  private long lastStored;
  private long lastNanos = startNanos;

  /** Samples the fleet now and appends a row. */
  synchronized Row sample(
      List<? extends FleetCar> cars, long storedTotal, int linksCut, int agentKills) {
    int online = 0;
    long accepted = 0;
    long backlog = 0;
    long reconnects = 0;
    int down = 0;
    for (FleetCar car : cars) {
      CarStatus status = car.status();
      online += status.online() ? 1 : 0;
      accepted += status.accepted();
      backlog += status.backlogBatches();
      reconnects += status.reconnects();
      down += status.down() ? 1 : 0;
    }
    long now = System.nanoTime();
    double elapsed = Math.max(1e-3, (now - lastNanos) / 1e9);
    Row row = new Row(
        (now - startNanos) / 1e9,
        online,
        Math.round((accepted - lastAccepted) / elapsed),
        Math.round((storedTotal - lastStored) / elapsed),
        backlog,
        reconnects,
        linksCut,
        down,
        agentKills);
    lastAccepted = accepted;
    lastStored = storedTotal;
    lastNanos = now;
    rows.add(row);
    return row;
  }

  synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  /** Writes the rows as CSV with a header line. */
  void writeCsv(Path file) {
    StringBuilder csv = new StringBuilder(
        "seconds,cars_online,accepted_per_s,stored_per_s,backlog_batches,reconnects,links_cut,"
            + "agents_down,agent_kills\n");
    for (Row row : rows()) {
      csv.append(String.format(java.util.Locale.ROOT, "%.1f,%d,%d,%d,%d,%d,%d,%d,%d%n",
          row.seconds(), row.online(), row.acceptedPerSecond(), row.storedPerSecond(),
          row.backlogBatches(), row.reconnects(), row.linksCut(), row.agentsDown(),
          row.agentKills()));
    }
    try {
      Files.writeString(file, csv);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
