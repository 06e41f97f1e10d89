package io.spime.sim.options;

import picocli.CommandLine.Option;

/** {@code --no-broker-auth}: an embedded broker that lets any client publish for any car. */
public final class BrokerAuthOption {
  @Option(names = "--no-broker-auth",
      description = {"For experiments only: the embedded broker accepts any client and lets it",
          "publish and read for any car. By default each car logs in as its VIN with a password of",
          "its own and speaks only for itself; the ingest logs in as spime-cloud."})
  private boolean off;

  /** Whether the embedded broker enforces identities (the default). */
  public boolean enforced() {
    return !off;
  }
}
