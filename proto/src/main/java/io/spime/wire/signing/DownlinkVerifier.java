package io.spime.wire.signing;

import io.spime.wire.MalformedPayloadException;
import io.spime.wire.OversizedPayloadException;
import io.spime.wire.TopicKind;
import io.spime.wire.AssetId;
import io.spime.wire.VinMismatchException;
import io.spime.wire.WireException;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.internal.Envelope;
import io.spime.wire.internal.EnvelopeCodec;
import io.spime.wire.state.Command;
import io.spime.wire.state.DesiredState;
import io.spime.wire.state.StateCodec;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The car's side of the signed downlink: holds the cloud's public keys pinned by {@link KeyId}
 * (several during a key rotation) and accepts a desired state or command only if its envelope is
 * signed by one of them, for this car, for this kind, and not expired. Thread-safe. Checks in this
 * order, each with its own exception: size and layout, key id, signature, VIN, kind, expiry, then
 * the body with {@link StateCodec} (its limits and decode budget) against the envelope's header
 * ({@link InvalidSignedBodyException}).
 */
public final class DownlinkVerifier {
  private final Map<KeyId, PublicKey> keys;

  private DownlinkVerifier(Map<KeyId, PublicKey> keys) {
    this.keys = keys;
  }

  /**
   * A verifier trusting exactly these keys.
   *
   * @throws IllegalArgumentException if there is no key, or one is not an Ed25519 public key
   */
  public static DownlinkVerifier of(Map<KeyId, PublicKey> pinned) {
    Objects.requireNonNull(pinned, "pinned");
    if (pinned.isEmpty()) {
      throw new IllegalArgumentException("a verifier needs at least one pinned public key");
    }
    Map<KeyId, PublicKey> copy = new TreeMap<>(java.util.Comparator.comparing(KeyId::value));
    pinned.forEach((id, key) -> {
      Objects.requireNonNull(id, "key id");
      if (!(key instanceof EdECPublicKey ed) || !ed.getParams().getName().equals("Ed25519")) {
        throw new IllegalArgumentException("pinned key " + id + " must be an Ed25519 public key, was "
            + (key == null ? "null" : key.getAlgorithm()));
      }
      copy.put(id, key);
    });
    return new DownlinkVerifier(java.util.Collections.unmodifiableMap(copy));
  }

  /** The ids of the pinned keys. */
  public Set<KeyId> pinnedKeys() {
    return keys.keySet();
  }

  /**
   * Verifies and decodes desired state that arrived for {@code vin} at {@code nowMillis}.
   *
   * @throws OversizedPayloadException if the envelope exceeds its limit
   * @throws UnsignedPayloadException if the payload is not a signed envelope
   * @throws MalformedPayloadException if the envelope is malformed
   * @throws UnknownKeyIdException if its key id is not pinned
   * @throws BadSignatureException if the signature does not verify (forged or altered)
   * @throws VinMismatchException if it was signed for another car
   * @throws WrongMessageKindException if it is a signed command
   * @throws ExpiredMessageException if {@code nowMillis} is past its expiry
   * @throws InvalidSignedBodyException if it verified but its body does not decode (malformed, over
   *     its decode budget, a signal the catalog lacks, another VIN) or is for another version
   */
  public VerifiedDesired verifyDesired(byte[] payload, AssetId vin, SignalCatalog catalog, long nowMillis) {
    Objects.requireNonNull(catalog, "catalog");
    Envelope envelope = verify(payload, vin, TopicKind.DESIRED, nowMillis);
    long signedVersion = ((Subject.Desired) envelope.subject()).version();
    DesiredState desired;
    try {
      desired = StateCodec.decodeDesired(envelope.body(), vin, catalog);
    } catch (WireException e) {
      throw invalidBody("signed desired state v" + signedVersion + " for " + vin, envelope, e);
    }
    if (desired.version() != signedVersion) {
      throw invalidBody("signed desired state for " + vin, envelope, new MalformedPayloadException(
          "the envelope is for v" + signedVersion + " but its body is v" + desired.version()));
    }
    return new VerifiedDesired(desired, envelope.keyId(), envelope.issuedMillis(), envelope.expiresMillis());
  }

  /**
   * Verifies and decodes a command that arrived for {@code vin} at {@code nowMillis}.
   *
   * @throws OversizedPayloadException if the envelope exceeds its limit
   * @throws UnsignedPayloadException if the payload is not a signed envelope
   * @throws MalformedPayloadException if the envelope is malformed
   * @throws UnknownKeyIdException if its key id is not pinned
   * @throws BadSignatureException if the signature does not verify (forged or altered)
   * @throws VinMismatchException if it was signed for another car
   * @throws WrongMessageKindException if it is signed desired state
   * @throws ExpiredMessageException if {@code nowMillis} is past its expiry
   * @throws InvalidSignedBodyException if it verified but its body does not decode (malformed, a
   *     kind this version does not know, another VIN) or is for another command id
   */
  public VerifiedCommand verifyCommand(byte[] payload, AssetId vin, long nowMillis) {
    Envelope envelope = verify(payload, vin, TopicKind.COMMAND, nowMillis);
    String signedId = ((Subject.Command) envelope.subject()).commandId();
    Command command;
    try {
      command = StateCodec.decodeCommand(envelope.body(), vin);
    } catch (WireException e) {
      throw invalidBody("signed command " + signedId + " for " + vin, envelope, e);
    }
    if (!command.commandId().equals(signedId)) {
      throw invalidBody("signed command for " + vin, envelope, new MalformedPayloadException(
          "the envelope is for id " + signedId + " but its body is " + command.commandId()));
    }
    return new VerifiedCommand(command, envelope.keyId(), envelope.issuedMillis(), envelope.expiresMillis());
  }

  private Envelope verify(byte[] payload, AssetId vin, TopicKind kind, long nowMillis) {
    Objects.requireNonNull(vin, "vin");
    String what = (kind == TopicKind.DESIRED ? "desired state" : "command") + " for " + vin;
    Envelope envelope = EnvelopeCodec.decode(payload, what);
    PublicKey key = keys.get(envelope.keyId());
    if (key == null) {
      throw new UnknownKeyIdException(what + " is signed with key id '" + envelope.keyId()
          + "', which is not pinned (pinned: " + keys.keySet() + ")");
    }
    if (!signatureVerifies(key, payload, envelope)) {
      throw new BadSignatureException(what + ": the signature does not verify with pinned key '"
          + envelope.keyId() + "'; the message is forged or was altered");
    }
    if (!envelope.vin().equals(vin)) {
      throw new VinMismatchException(what + " was signed for another car, " + envelope.vin());
    }
    boolean desired = envelope.subject() instanceof Subject.Desired;
    if (desired != (kind == TopicKind.DESIRED)) {
      throw new WrongMessageKindException(what + ": the envelope is signed as a "
          + (desired ? "desired state" : "command") + ", not a " + kind.segment() + " message");
    }
    if (nowMillis > envelope.expiresMillis()) {
      throw new ExpiredMessageException(what + " (" + describe(envelope.subject()) + ") expired at "
          + envelope.expiresMillis() + ", now is " + nowMillis);
    }
    return envelope;
  }

  private static InvalidSignedBodyException invalidBody(String what, Envelope envelope,
      WireException cause) {
    return new InvalidSignedBodyException(what + ": its body is refused: " + cause.getMessage(),
        envelope.subject(), cause);
  }

  private static boolean signatureVerifies(PublicKey key, byte[] payload, Envelope envelope) {
    try {
      Signature ed25519 = Signature.getInstance("Ed25519");
      ed25519.initVerify(key);
      ed25519.update(payload, 0, envelope.signedLength());
      return ed25519.verify(envelope.signature());
    } catch (java.security.SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available in this JDK", e);
    }
  }

  private static String describe(Subject subject) {
    return subject instanceof Subject.Desired d ? "v" + d.version()
        : "id " + ((Subject.Command) subject).commandId();
  }
}
