package io.spime.sim.options;

import io.spime.wire.signing.KeyId;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --signing-key FILE --signing-key-id ID}: the cloud's Ed25519 private key (PKCS#8 PEM,
 * owner-only) that signs desired state and commands, and the id cars pinned its public key under.
 */
public final class SigningKeyOptions {
  @Option(names = "--signing-key", paramLabel = "FILE",
      description = "The cloud's Ed25519 private key (PKCS#8 PEM, owner-only) for the downlink.")
  private Path file;

  @Option(names = "--signing-key-id", paramLabel = "ID",
      description = "The key id the cars pinned the matching public key under.")
  private String keyId;

  /**
   * The key file and id, or empty when neither was given.
   *
   * @throws IllegalArgumentException if only one was given, or the id is not a valid key id
   */
  public Optional<Key> key() {
    if (file == null && keyId == null) {
      return Optional.empty();
    }
    if (file == null || keyId == null) {
      throw new IllegalArgumentException("--signing-key and --signing-key-id go together");
    }
    return Optional.of(new Key(KeyId.of(keyId), file));
  }

  /**
   * A key file and its id.
   *
   * @param keyId the key id
   * @param file the PEM file
   */
  public record Key(KeyId keyId, Path file) {}
}
