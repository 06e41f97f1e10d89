package io.spime.wire.signing;

import io.spime.wire.state.Command;
import java.util.Objects;

/**
 * A command whose envelope verified: signed by a pinned key for this car, not expired.
 *
 * @param command the command
 * @param keyId the key that signed it
 * @param issuedMillis when the cloud signed it
 * @param expiresMillis until when it is valid: a replay guard must remember its id until then
 */
public record VerifiedCommand(Command command, KeyId keyId, long issuedMillis, long expiresMillis) {
  public VerifiedCommand {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(keyId, "keyId");
  }
}
