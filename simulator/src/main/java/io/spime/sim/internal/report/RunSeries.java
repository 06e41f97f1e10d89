package io.spime.sim.internal.report;

import io.spime.sim.internal.car.CarStatus;
import io.spime.sim.internal.car.FleetCar;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The run's time series, one row a second: what the progress bar shows and the report charts. */
public final class RunSeries {
  /** One second of the run. */
  public record Row(
      double seconds,
      int online,
      long acceptedPerSecond,
      long storedPerSecond,
      long acceptedTotal,
      long storedTotal,
      long backlogBatches,
      long reconnects,
      int linksCut,
      int agentsDown,
      int agentKills) {}

  /**
   * The columns of the series' CSV, in order; the report's time charts draw these same columns, so
   * every line of a chart is a column of the CSV and the legend names which one.
   */
  enum Column {
    SECONDS("seconds", "seconds since start", Row::seconds),
    CARS_ONLINE("cars_online", "cars online", Row::online),
    ACCEPTED_PER_S("accepted_per_s", "accepted by the agents", Row::acceptedPerSecond),
    STORED_PER_S("stored_per_s", "durable in the twins", Row::storedPerSecond),
    ACCEPTED_TOTAL("accepted_total", "accepted by the agents", Row::acceptedTotal),
    STORED_TOTAL("stored_total", "durable in the twins", Row::storedTotal),
    BACKLOG_BATCHES("backlog_batches", "batches in the outboxes", Row::backlogBatches),
    RECONNECTS("reconnects", "reconnects", Row::reconnects),
    LINKS_CUT("links_cut", "links cut now", Row::linksCut),
    AGENTS_DOWN("agents_down", "agents killed, not yet restarted", Row::agentsDown),
    AGENT_KILLS("agent_kills", "agents killed by SIGKILL", Row::agentKills);

    private final String csvName;
    private final String label;
    private final ToDoubleFunction<Row> value;

    Column(String csvName, String label, ToDoubleFunction<Row> value) {
      this.csvName = csvName;
      this.label = label;
      this.value = value;
    }

    /** The column's name in the CSV header. */
    String csvName() {
      return csvName;
    }

    /** What a chart's legend calls the column (followed by its CSV name). */
    String label() {
      return label;
    }

    double valueOf(Row row) {
      return value.applyAsDouble(row);
    }

    /** The column's value as written in the CSV: seconds with one decimal, the rest whole. */
    String format(Row row) {
      return this == SECONDS
          ? String.format(Locale.ROOT, "%.1f", row.seconds())
          : String.valueOf(Math.round(valueOf(row)));
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final long startNanos = System.nanoTime();

  /** Samples the fleet now and appends a row. */
  public synchronized Row sample(
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
    return append((System.nanoTime() - startNanos) / 1e9, online, accepted, storedTotal, backlog,
        reconnects, linksCut, down, agentKills);
  }

  /**
   * Appends the row of this second of the run. Its rates are over the last second at least: from the
   * latest row a second or more before it (or the start), so a row taken soon after the one before,
   * like the last of the drive or the one after the drain, shows no burst of a few milliseconds.
   */
  synchronized Row append(double seconds, int online, long acceptedTotal, long storedTotal,
      long backlog, long reconnects, int linksCut, int agentsDown, int agentKills) {
    double baseSeconds = 0;
    long baseAccepted = 0;
    long baseStored = 0;
    for (int i = rows.size() - 1; i >= 0; i--) {
      Row earlier = rows.get(i);
      if (earlier.seconds() <= seconds - 1.0) {
        baseSeconds = earlier.seconds();
        baseAccepted = earlier.acceptedTotal();
        baseStored = earlier.storedTotal();
        break;
      }
    }
    double span = Math.max(1e-3, seconds - baseSeconds);
    Row row = new Row(seconds, online, Math.round((acceptedTotal - baseAccepted) / span),
        Math.round((storedTotal - baseStored) / span), acceptedTotal, storedTotal, backlog,
        reconnects, linksCut, agentsDown, agentKills);
    rows.add(row);
    return row;
  }

  public synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  /** Writes the rows as CSV with a header line. */
  public void writeCsv(Path file) {
    writeCsv(file, rows());
  }

  /** Writes these rows as CSV: a header line of {@link Column} names, then a line a row. */
  public static void writeCsv(Path file, List<Row> rows) {
    StringBuilder csv = new StringBuilder(64 + rows.size() * 48);
    List<String> header = new ArrayList<>();
    for (Column column : Column.values()) {
      header.add(column.csvName());
    }
    csv.append(String.join(",", header)).append('\n');
    for (Row row : rows) {
      List<String> cells = new ArrayList<>();
      for (Column column : Column.values()) {
        cells.add(column.format(row));
      }
      csv.append(String.join(",", cells)).append('\n');
    }
    try {
      OwnerOnlyFiles.writeString(file, csv);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
