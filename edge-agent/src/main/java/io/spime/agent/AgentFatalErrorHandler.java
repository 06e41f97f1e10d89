package io.spime.agent;

/**
 * What an {@link EdgeAgent} does when one of its threads (sealing, the uplink and downlink, the
 * journal's seal tick) fails with something it cannot handle: an {@link Error} such as {@link
 * OutOfMemoryError}, or an unexpected exception (a bug, or a listener of {@link
 * EdgeAgent#onCommand} or {@link EdgeAgent#onDesired} that threw). By the time the handler runs,
 * the agent has logged the cause at ERROR, stopped taking samples ({@code record}, {@code raise}
 * and {@code flush} throw {@link AgentFailedException}), and closed its link and its outbox; what
 * it had accepted stays in the journal and outbox for the next start. {@link
 * EdgeAgent#isHealthy()} is false from then on. Disk trouble is not fatal: it refuses samples
 * (RefusalReason.STORAGE_FAILED) until the disk takes writes again.
 *
 * <p>The default, {@link #none()}, does nothing more, for software that embeds the agent and polls
 * {@link EdgeAgent#isHealthy()}; the standalone runner ends its process with its own exit code
 * (docs/edge-agent.md). Set one with {@link EdgeAgentBuilder#onFatalError}.
 */
@FunctionalInterface
public interface AgentFatalErrorHandler {
  /** Called once, on a thread of its own, with the first unexpected error of the agent. */
  void onFatalError(Throwable cause);

  /** The default: the agent stops (see above) and nothing else happens. */
  static AgentFatalErrorHandler none() {
    return cause -> { };
  }
}
