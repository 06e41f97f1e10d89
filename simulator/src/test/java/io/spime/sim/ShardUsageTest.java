package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A shard that cannot be one of a fleet over machines is refused before it connects anywhere. */
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
      "verify --store no-such.db --ledgers . | --store: no twin store at no-such.db"
  })
  void a_shard_that_cannot_work_gets_one_line_and_exit_code_2(String args, String message) {
    CliRun result = CliRun.of(args.strip().split(" "));
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.out() + result.err());
    assertTrue(result.err().startsWith("spime-sim: " + message.strip()), result.err());
  }
}
