package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.sim.internal.fleet.FileBudget;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A fleet that cannot fit in one process's open files is refused up front, with the way out. */
class FileBudgetTest {
  @Test
  void ten_thousand_cars_need_three_processes_under_twenty_thousand_open_files() {
    assertEquals(5, FileBudget.perCar(true, false), "outbox, WAL, lock, socket, broker's socket");
    assertEquals(4, FileBudget.perCar(false, false), "a shard's cars reach the run's broker");
    assertEquals(3_880, FileBudget.carsPerProcess(20_000, 5));
    FileBudget.check(3_880, 5, 20_000, "--vehicles");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> FileBudget.check(10_000, 5, 20_000, "--vehicles"));
    assertTrue(refused.getMessage().contains("spread them with --processes 3 or more"),
        refused.getMessage());
    FileBudget.check(3_334, 4, 20_000, "--processes 3");
    assertThrows(IllegalArgumentException.class, () -> FileBudget.check(5_000, 4, 20_000, "--processes 2"));
  }

  @Test
  void a_run_too_large_for_this_process_is_a_usage_error_before_anything_starts() {
    long limit = FileBudget.limit();
    Assumptions.assumeTrue(limit < 10_000L * 5, "this machine's limit of open files holds 10,000 cars");
    CliRun run = CliRun.of("run", "--vehicles", "10000", "--duration", "1s");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().startsWith("spime-sim: --vehicles: 10000 cars at 5 open files each do not fit"),
        run.err());
    assertTrue(run.err().contains("--processes"), run.err());
  }
}
