package io.spime.agent;

/**
 * Why the agent refused a desired state or command from the downlink; each is counted in {@link
 * AgentStats#downlinkRefusals()}. Nothing refused is applied or executed, nor answered.
 */
public enum DownlinkRefusal {
  /** The agent has no pinned public keys, so it trusts no desired state or command. */
  NO_PINNED_KEYS,
  /** Not a signed envelope: a plain protobuf message, an empty retained message, anything else. */
  UNSIGNED,
  /** Signed with a key id the agent has not pinned (an unknown or an unpinned, retired key). */
  UNKNOWN_KEY,
  /** The signature does not verify with the pinned key: forged or altered. */
  BAD_SIGNATURE,
  /** Signed for another car. */
  WRONG_VIN,
  /** A signed command on the desired topic, or signed desired state on the command topic. */
  WRONG_KIND,
  /**
   * Authentic but stale: a desired version older than the applied one, a command id already
   * executed, or past its expiry. (The applied version arriving again, as the broker's retained
   * copy on every connect or signed anew by the cloud after a birth, is ignored, not counted.)
   */
  REPLAYED,
  /** A signed envelope or body that is malformed, oversized or names signals the catalog lacks. */
  MALFORMED
}
