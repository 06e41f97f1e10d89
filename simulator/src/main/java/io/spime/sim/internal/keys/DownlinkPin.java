package io.spime.sim.internal.keys;

import io.spime.wire.signing.KeyId;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The cloud's public key a simulated car pins for its downlink.
 *
 * @param keyId the id the cloud signs under
 * @param publicKey its PEM file (X.509 SubjectPublicKeyInfo)
 */
public record DownlinkPin(KeyId keyId, Path publicKey) {
  public DownlinkPin {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(publicKey, "publicKey");
  }
}
