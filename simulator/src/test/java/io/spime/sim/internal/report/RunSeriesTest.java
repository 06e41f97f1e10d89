package io.spime.sim.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spime.sim.internal.report.RunSeries.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's series: rates over the last second at least, totals, and its CSV. */
class RunSeriesTest {
  @TempDir Path dir;

  @Test
  void rates_are_over_the_last_second_so_a_row_soon_after_another_shows_no_burst() {
    RunSeries series = new RunSeries();
    Row first = series.append(1.0, 2, 100, 80, 3, 0, 0, 0, 0);
    Row second = series.append(2.0, 2, 300, 260, 1, 0, 0, 0, 0);
    Row soonAfter = series.append(2.1, 2, 320, 300, 0, 0, 0, 0, 0);

    assertEquals(100, first.acceptedPerSecond(), "from the start");
    assertEquals(80, first.storedPerSecond());
    assertEquals(200, second.acceptedPerSecond(), "(300 - 100) / 1 s");
    assertEquals(180, second.storedPerSecond());
    assertEquals(200, soonAfter.acceptedPerSecond(), "(320 - 100) / 1.1 s, not 20 / 0.1 s");
    assertEquals(200, soonAfter.storedPerSecond(), "(300 - 80) / 1.1 s");
    assertEquals(320, soonAfter.acceptedTotal());
  }

  @Test
  void after_a_long_gap_the_rate_is_over_the_gap() {
    RunSeries series = new RunSeries();
    series.append(1.0, 1, 100, 100, 0, 0, 0, 0, 0);
    Row late = series.append(5.0, 1, 500, 300, 0, 0, 0, 0, 0);

    assertEquals(100, late.acceptedPerSecond(), "(500 - 100) / 4 s");
    assertEquals(50, late.storedPerSecond());
  }

  @Test
  void the_csv_has_a_header_of_the_columns_and_a_line_a_row() throws Exception {
    RunSeries series = new RunSeries();
    series.append(1.04, 3, 100, 90, 2, 1, 1, 0, 0);
    series.append(2.0, 2, 250, 240, 0, 4, 0, 1, 1);
    Path csv = dir.resolve("series.csv");

    series.writeCsv(csv);

    // The second row's rates are from the start: its first row is less than a second before it.

    assertEquals(List.of(
            "seconds,cars_online,accepted_per_s,stored_per_s,accepted_total,stored_total,"
                + "backlog_batches,reconnects,links_cut,agents_down,agent_kills",
            "1.0,3,96,87,100,90,2,1,1,0,0",
            "2.0,2,125,120,250,240,0,4,0,1,1"),
        Files.readAllLines(csv));
  }
}
