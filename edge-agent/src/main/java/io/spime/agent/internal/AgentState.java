package io.spime.agent.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.spime.agent.OutboxException;
import io.spime.wire.CollectionPolicy;
import io.spime.wire.ConsentSet;
import io.spime.wire.DriverProfile;
import io.spime.wire.SignalCatalog;
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
      CollectionPolicy policy = outbox.getBytes("policy").isPresent()
          ? PolicyCodec.decode(io.spime.proto.v1.CollectionPolicy.parseFrom(outbox.getBytes("policy").get()), catalog)
          : defaultPolicy;
      ConsentSet consent = outbox.getBytes("consent").isPresent()
          ? PolicyCodec.decode(io.spime.proto.v1.ConsentSet.parseFrom(outbox.getBytes("consent").get()))
          : defaultConsent;
      Optional<DriverProfile> profile = Optional.empty();
      if (outbox.getBytes("profile").isPresent()) {
        profile = Optional.of(DownlinkCodec.profileOf(
            io.spime.proto.v1.DriverProfile.parseFrom(outbox.getBytes("profile").get())));
      }
      return new AgentState(version, policy, consent, profile);
    } catch (InvalidProtocolBufferException | DownlinkException e) {
      throw new OutboxException("the stored desired state is unreadable: " + e.getMessage(), e);
    }
  }

  /** Persists this state in one go. */
  void save(Outbox outbox) {
    java.util.Map<String, byte[]> values = new java.util.LinkedHashMap<>();
    values.put("desired_version", java.nio.ByteBuffer.allocate(8).putLong(desiredVersion).array());
    values.put("policy", PolicyCodec.encode(policy).toByteArray());
    values.put("consent", PolicyCodec.encode(consent).toByteArray());
    profile.ifPresent(p -> values.put("profile", DownlinkCodec.encode(p).toByteArray()));
    outbox.putAll(values);
  }
}
