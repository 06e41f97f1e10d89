package io.spime.sim.options;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --downlink-key FILE}: the cloud's public key (X.509 PEM) the cars pin. */
public final class DownlinkKeyOption {
  @Option(names = "--downlink-key", paramLabel = "FILE",
      description = "The cloud's Ed25519 public key (PEM) the cars pin for the downlink.")
  private Path file;

  /** Empty when it was left out. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }
}
