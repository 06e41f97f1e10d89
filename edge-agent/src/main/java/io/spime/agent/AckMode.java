package io.spime.agent;

/** When the agent may delete an uplink message from its outbox. */
public enum AckMode {
  /** Only once spime's cloud acknowledged it durable in the twin store (the default). */
  CLOUD,
  /** As soon as the broker acknowledged it (PUBACK), for setups without spime's cloud side. */
  BROKER
}
