package io.spime.sim.options;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --shard i/N} and {@code --ledger-dir}: one slice of a fleet spread over machines. */
public final class ShardOptions {
  @Option(names = "--shard", paramLabel = "i/N",
      description = "Run only the i-th of N slices of the seeded fleet, against --broker and a"
          + " cloud started with spime-sim cloud; write the slice's ledger for spime-sim verify.")
  private String shard;

  @Option(names = "--ledger-dir", paramLabel = "DIR", defaultValue = ".",
      description = "Where a shard writes its ledger, shard-i-of-N.jsonl (default: the current"
          + " folder).")
  private Path ledgerDir;

  /** Empty when the run is not a shard. */
  public Optional<String> shard() {
    return Optional.ofNullable(shard);
  }

  public Path ledgerDir() {
    return ledgerDir;
  }
}
