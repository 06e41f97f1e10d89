package io.spime.sim.internal.ingest;

import io.spime.sim.internal.cloud.CloudTarget;
import java.util.Optional;

/**
 * Where a run's ingest runs: in the run's process ({@code processes} 0), or in that many child JVMs
 * of one share group, of which {@code ingest-1} is SIGKILLed and started again {@code kills} times.
 * {@code loseEvery} above 0 injects a loss ({@link LosingStore}), to prove that the verdict sees one.
 * With a {@code cloud}, the ingest is that running spime-cloud's: the run starts none and reads the
 * twins through its API.
 */
public record IngestPlan(int processes, int kills, int loseEvery, Optional<CloudTarget> cloud) {
  /** The ingest in the run's own process, never killed, losing nothing. */
  public static final IngestPlan IN_PROCESS = new IngestPlan(0, 0, 0);
  public static final int MAX_PROCESSES = 16;
  public static final int MAX_KILLS = 100;

  public IngestPlan {
    if (processes < 0 || processes > MAX_PROCESSES) {
      throw new IllegalArgumentException("--ingests must be 1 to " + MAX_PROCESSES + ", was " + processes);
    }
    if (kills < 0 || kills > MAX_KILLS) {
      throw new IllegalArgumentException("--kill-ingest must be 0 to " + MAX_KILLS + ", was " + kills);
    }
    if (loseEvery < 0) {
      throw new IllegalArgumentException("--inject-ingest-loss must not be negative, was " + loseEvery);
    }
    if (cloud.isPresent() && (processes > 0 || loseEvery > 0)) {
      throw new IllegalArgumentException("--cloud: the ingest is the service's; leave out --ingests");
    }
    if (kills > 0 && processes == 0) {
      throw new IllegalArgumentException("--kill-ingest needs --ingests N: the in-process ingest is not killed");
    }
  }

  /** An ingest in the run's process or in {@code processes} child JVMs. */
  public IngestPlan(int processes, int kills, int loseEvery) {
    this(processes, kills, loseEvery, Optional.empty());
  }

  /** Whether the ingest runs in child processes. */
  public boolean outOfProcess() {
    return processes > 0;
  }
}
