package io.spime.wire.state;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which signals the agent collects and how: a rule per signal id; signals without a rule keep every
 * sample at the catalog's priority. Versioned, because it arrives from the cloud as desired state.
 *
 * @param version the policy's version, 0..{@link #MAX_VERSION} (0 for the built-in default)
 * @param rules rule per catalog signal id
 */
public record CollectionPolicy(long version, Map<Integer, SignalRule> rules) {
  /** The largest policy version: the wire carries it as an unsigned 32-bit number. */
  public static final long MAX_VERSION = 0xFFFF_FFFFL;

  public CollectionPolicy {
    if (version < 0 || version > MAX_VERSION) {
      throw new IllegalArgumentException(
          "policy version must be 0.." + MAX_VERSION + " (unsigned 32 bits), was " + version);
    }
    Objects.requireNonNull(rules, "rules");
    for (Map.Entry<Integer, SignalRule> rule : rules.entrySet()) {
      if (rule.getKey() == null || rule.getKey() < 1) {
        throw new IllegalArgumentException("policy rule for signal id " + rule.getKey() + ": ids are 1 or more");
      }
      Objects.requireNonNull(rule.getValue(), "rule for signal " + rule.getKey());
    }
    rules = Map.copyOf(new TreeMap<>(rules));
  }

  /** Version 0: every signal, every sample, catalog priorities. */
  public static CollectionPolicy collectEverything() {
    return new CollectionPolicy(0, Map.of());
  }

  /** The rule for a signal id: its own, or {@link SignalRule#everySample()}. */
  public SignalRule ruleFor(int signalId) {
    return rules.getOrDefault(signalId, SignalRule.everySample());
  }
}
