package io.spime.wire.signing;

import io.spime.wire.OversizedPayloadException;
import io.spime.wire.AssetId;
import io.spime.wire.internal.EnvelopeCodec;
import io.spime.wire.state.Command;
import io.spime.wire.state.DesiredState;
import io.spime.wire.state.StateCodec;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.time.Duration;
import java.util.Objects;

/**
 * The cloud's side of the signed downlink: wraps desired state and commands in an envelope signed
 * with its Ed25519 private key and named by its {@link KeyId}. Thread-safe.
 */
public final class DownlinkSigner {
  /** How long a signed desired state stays valid unless {@link #withDesiredValidity} says otherwise. */
  public static final Duration DEFAULT_DESIRED_VALIDITY = Duration.ofDays(30);
  /** How long a signed command without an expiry of its own stays valid. */
  public static final Duration DEFAULT_COMMAND_VALIDITY = Duration.ofDays(1);

  private final KeyId keyId;
  private final PrivateKey key;
  private final Duration desiredValidity;

  private DownlinkSigner(KeyId keyId, PrivateKey key, Duration desiredValidity) {
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    this.key = Objects.requireNonNull(key, "key");
    if (!(key instanceof EdECPrivateKey ed) || !ed.getParams().getName().equals("Ed25519")) {
      throw new IllegalArgumentException("key must be an Ed25519 private key, was "
          + key.getAlgorithm());
    }
    if (desiredValidity.isNegative() || desiredValidity.isZero()) {
      throw new IllegalArgumentException("desiredValidity must be positive, was " + desiredValidity);
    }
    this.desiredValidity = desiredValidity;
  }

  /**
   * A signer with an Ed25519 private key, named {@code keyId}.
   *
   * @throws IllegalArgumentException if the key is not an Ed25519 private key
   */
  public static DownlinkSigner of(KeyId keyId, PrivateKey key) {
    return new DownlinkSigner(keyId, key, DEFAULT_DESIRED_VALIDITY);
  }

  /**
   * A signer with the private key of a PKCS#8 PEM file, named {@code keyId}.
   *
   * @throws KeyFileException naming the file if it cannot be read, is not owner-only or holds no
   *     Ed25519 private key
   */
  public static DownlinkSigner fromPemFile(KeyId keyId, Path privateKeyFile) {
    return of(keyId, KeyFiles.readPrivateKey(privateKeyFile));
  }

  /**
   * This signer with another validity for desired state (a car offline longer refuses the retained
   * copy and gets a fresh one after its next birth).
   *
   * @throws IllegalArgumentException if {@code validity} is not positive
   */
  public DownlinkSigner withDesiredValidity(Duration validity) {
    return new DownlinkSigner(keyId, key, Objects.requireNonNull(validity, "validity"));
  }

  /** The id cars know this signer's public key by. */
  public KeyId keyId() {
    return keyId;
  }

  /**
   * Encodes and signs desired state for one car, issued at {@code nowMillis}.
   *
   * @throws IllegalArgumentException if {@code nowMillis} is not 1 or more
   * @throws OversizedPayloadException if the desired state exceeds {@link StateCodec}'s limits
   */
  public byte[] signDesired(AssetId vin, DesiredState desired, long nowMillis) {
    byte[] body = StateCodec.encode(vin, desired, nowMillis);
    return sign(vin, new Subject.Desired(desired.version()), nowMillis,
        Math.addExact(nowMillis, desiredValidity.toMillis()), body);
  }

  /**
   * Encodes and signs a command for one car, valid from its issue time to its expiry (or for
   * {@link #DEFAULT_COMMAND_VALIDITY} if it has none). Signing a command twice gives the same bytes.
   *
   * @throws IllegalArgumentException if its issue time is not 1 or more or not before its expiry
   * @throws OversizedPayloadException if the command exceeds {@link StateCodec}'s limits
   */
  public byte[] signCommand(AssetId vin, Command command) {
    long issued = command.issuedMillis();
    long expires = command.expiresMillis() > 0 ? command.expiresMillis()
        : Math.addExact(issued, DEFAULT_COMMAND_VALIDITY.toMillis());
    if (issued < 1 || expires <= issued) {
      throw new IllegalArgumentException("command " + command.commandId() + ": issued-at " + issued
          + " must be 1 or more and before its expiry " + expires);
    }
    return sign(vin, new Subject.Command(command.commandId()), issued, expires,
        StateCodec.encode(vin, command));
  }

  private byte[] sign(AssetId vin, Subject subject, long issued, long expires, byte[] body) {
    Objects.requireNonNull(vin, "vin");
    if (issued < 1) {
      throw new IllegalArgumentException("issued-at must be 1 or more, was " + issued);
    }
    byte[] signed = EnvelopeCodec.toBeSigned(keyId, vin, subject, issued, expires, body);
    try {
      Signature ed25519 = Signature.getInstance("Ed25519");
      ed25519.initSign(key);
      ed25519.update(signed);
      return EnvelopeCodec.withSignature(signed, ed25519.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed with key " + keyId, e);
    }
  }
}
