package io.spime.agent.internal;

import io.spime.agent.OutboxException;
import io.spime.wire.WireException;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.ConsentSet;
import io.spime.wire.state.DriverProfile;
import io.spime.wire.state.StatePartCodec;
import java.util.Optional;

/**
 * The agent's applied desired state (policy, consent, profile, version), persisted in the outbox's
 * meta table so that it survives restarts and wins over the builder's defaults once set.
 */
record AgentState(long desiredVersion, CollectionPolicy policy, ConsentSet consent, Optional<DriverProfile> profile) {

  static AgentState load(Outbox outbox, SignalCatalog catalog, CollectionPolicy defaultPolicy, ConsentSet defaultConsent) {
    try {
      long version = outbox.getBytes("desired_version")
          .map(bytes -> java.nio.ByteBuffer.wrap(bytes).getLong()).orElse(0L);
      CollectionPolicy policy = outbox.getBytes("policy")
          .map(bytes -> StatePartCodec.decodePolicy(bytes, catalog)).orElse(defaultPolicy);
      ConsentSet consent = outbox.getBytes("consent")
          .map(StatePartCodec::decodeConsent).orElse(defaultConsent);
      Optional<DriverProfile> profile = outbox.getBytes("profile").map(StatePartCodec::decodeProfile);
      return new AgentState(version, policy, consent, profile);
    } catch (WireException e) {
      throw new OutboxException("the stored desired state is unreadable: " + e.getMessage(), e);
    }
  }

  /** Persists this state in one go. */
  void save(Outbox outbox) {
    java.util.Map<String, byte[]> values = new java.util.LinkedHashMap<>();
    values.put("desired_version", java.nio.ByteBuffer.allocate(8).putLong(desiredVersion).array());
    values.put("policy", StatePartCodec.encode(policy));
    values.put("consent", StatePartCodec.encode(consent));
    profile.ifPresent(p -> values.put("profile", StatePartCodec.encode(p)));
    outbox.putAll(values);
  }
}
