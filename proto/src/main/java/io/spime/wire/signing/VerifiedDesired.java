package io.spime.wire.signing;

import io.spime.wire.state.DesiredState;
import java.util.Objects;

/**
 * Desired state whose envelope verified: signed by a pinned key for this car, not expired.
 *
 * @param desired the desired state
 * @param keyId the key that signed it
 * @param issuedMillis when the cloud signed it
 * @param expiresMillis until when it is valid
 */
public record VerifiedDesired(DesiredState desired, KeyId keyId, long issuedMillis, long expiresMillis) {
  public VerifiedDesired {
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(keyId, "keyId");
  }
}
