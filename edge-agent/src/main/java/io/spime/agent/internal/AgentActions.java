package io.spime.agent.internal;

/** What the downlink asks of its agent. */
interface AgentActions {
  /** Seals and sends what is pending. */
  void flushNow();

  /** Records the last value of every collected signal now; returns how many. */
  int sendSnapshot();

  /** Stores an uplink row (event batch or report) in the outbox. */
  void storeUplink(OutboxRow row);
}
