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

  @Option(names = "--identities", paramLabel = "FILE", hidden = true,
      description = "The cars' broker passwords, 'VIN password' a line (owner-only), from the run"
          + " that spread its fleet over processes (run --processes) on its embedded broker.")
  private Path identities;

  /** Empty when the run is not a shard. */
  public Optional<String> shard() {
    return Optional.ofNullable(shard);
  }

  /** The file of the cars' identities on the spreading run's embedded broker; empty otherwise. */
  public Optional<Path> identities() {
    return Optional.ofNullable(identities);
  }

  public Path ledgerDir() {
    return ledgerDir;
  }
}
