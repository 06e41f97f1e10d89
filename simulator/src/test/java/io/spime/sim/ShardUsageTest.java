package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A shard that cannot be one of a fleet over machines, or a fleet that cannot be spread over
 * processes, is refused before it connects anywhere.
 */
class ShardUsageTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "run --shard 2/3 | --shard needs --broker",
      "run --shard 4/3 --broker tcp://127.0.0.1:1 | --shard must be i/N with 1 <= i <= N, was 4/3",
      "run --shard two --broker tcp://127.0.0.1:1 | --shard must be i/N, like 2/3, was 'two'",
      "run --shard 1/3 --broker tcp://127.0.0.1:1 --store x.db | --store belongs to spime-sim cloud",
      "run --shard 1/3 --broker tcp://127.0.0.1:1 --scenario rental-fleet | --shard runs scenarios"
          + " without a back office",
      "run --shard 1/3 --broker tcp://127.0.0.1:1 --json x.json | --report and --json go to",
      "run --shard 1/5 --vehicles 2 --broker tcp://127.0.0.1:1 | --shard 1/5 of 2 cars has no car",
      "verify --store no-such.db --ledgers . | --store: no twin store at no-such.db",
      "run --processes 17 | --processes must be 2 to 16, was 17",
      "run --processes 0 | --processes must be 2 to 16, was 0",
      "run --processes 3 --vehicles 2 | --processes 3 for 2 cars: use fewer processes than cars",
      "run --processes 2 --scenario rental-fleet | --processes runs scenarios without a back office",
      "run --processes 2 --shard 1/2 --broker tcp://127.0.0.1:1 | --processes: a shard runs in one",
      "run --processes 2 --cloud http://127.0.0.1:1 | --processes: the run's own ingest (or its --ingests"
          + " processes) takes every shard's samples; leave out --cloud",
      "run --processes 2 --ingests 17 | --ingests must be 1 to 16, was 17"
  })
  void a_shard_that_cannot_work_gets_one_line_and_exit_code_2(String args, String message) {
    CliRun result = CliRun.of(args.strip().split(" "));
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.out() + result.err());
    assertTrue(result.err().startsWith("spime-sim: " + message.strip()), result.err());
  }
}
