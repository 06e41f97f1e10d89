package io.spime.sim.internal.keys;

import io.spime.wire.files.OwnerOnlyFiles;
import io.spime.wire.signing.DownlinkSigner;
import io.spime.wire.signing.KeyFiles;
import io.spime.wire.signing.KeyId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The key pair a run's cloud signs its downlink with and its cars pin.
 *
 * @param keyId the id the cars know the key by
 * @param privateKey the PKCS#8 PEM file of the private key (owner-only)
 * @param publicKey the X.509 PEM file of the public key
 */
public record RunKeys(KeyId keyId, Path privateKey, Path publicKey) {
  public RunKeys {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(publicKey, "publicKey");
  }

  /**
   * A new key pair for one run in {@code dir} (created owner-only), named {@code sim-<random>}.
   *
   * @throws UncheckedIOException if the folder cannot be created
   * @throws io.spime.wire.signing.KeyFileException if a key file cannot be written
   */
  public static RunKeys generate(Path dir) {
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    KeyId keyId = KeyId.of("sim-" + HexFormat.of().formatHex(random));
    try {
      OwnerOnlyFiles.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the key folder " + dir, e);
    }
    RunKeys keys = new RunKeys(keyId, dir.resolve(keyId + ".key"), dir.resolve(keyId + ".pub"));
    KeyFiles.write(KeyFiles.generate(), keys.privateKey(), keys.publicKey());
    return keys;
  }

  /**
   * The cloud's signer.
   *
   * @throws io.spime.wire.signing.KeyFileException naming the file if the private key is unusable
   */
  public DownlinkSigner signer() {
    return DownlinkSigner.fromPemFile(keyId, privateKey);
  }

  /** What the cars pin. */
  public DownlinkPin pin() {
    return new DownlinkPin(keyId, publicKey);
  }
}
