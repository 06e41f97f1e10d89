package io.spime.sim.internal;

import io.spime.agent.AgentStats;
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
      int linksCut) {}

  private final List<Row> rows = new ArrayList<>();
  private final long startNanos = System.nanoTime();
  private long lastAccepted;
  private long lastStored;
  private long lastNanos = startNanos;

  /** Samples the fleet now and appends a row. */
  synchronized Row sample(List<VirtualCar> cars, long storedTotal, int linksCut) {
    int online = 0;
    long accepted = 0;
    long backlog = 0;
    long reconnects = 0;
    for (VirtualCar car : cars) {
      AgentStats stats = car.agent().stats();
      online += stats.connected() ? 1 : 0;
      accepted += stats.acceptedSamples();
      backlog += stats.backlogBatches();
      reconnects += stats.reconnects();
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
        linksCut);
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
        "seconds,cars_online,accepted_per_s,stored_per_s,backlog_batches,reconnects,links_cut\n");
    for (Row row : rows()) {
      csv.append(String.format(java.util.Locale.ROOT, "%.1f,%d,%d,%d,%d,%d,%d%n", row.seconds(),
          row.online(), row.acceptedPerSecond(), row.storedPerSecond(), row.backlogBatches(),
          row.reconnects(), row.linksCut()));
    }
    try {
      Files.writeString(file, csv);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
