package io.spime.agent;

import io.spime.wire.AssetId;
import io.spime.wire.internal.EnvelopeCodec;
import io.spime.wire.signing.DownlinkSigner;
import io.spime.wire.signing.KeyFiles;
import io.spime.wire.signing.KeyId;
import io.spime.wire.signing.Subject;
import io.spime.wire.state.Command;
import io.spime.wire.state.DesiredState;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;

/**
 * A test cloud's signing key: signs desired state and commands as the real cloud does, and raw
 * protobuf bodies (also ones the car must refuse) in a correctly signed envelope.
 */
final class TestSigning {
  final KeyId keyId;
  final KeyPair pair;
  final DownlinkSigner signer;

  TestSigning(String keyId) {
    this.keyId = KeyId.of(keyId);
    this.pair = KeyFiles.generate();
    this.signer = DownlinkSigner.of(this.keyId, pair.getPrivate());
  }

  /** Pins this key in an agent. */
  EdgeAgentBuilder pin(EdgeAgentBuilder builder) {
    return builder.downlinkKey(keyId, pair.getPublic());
  }

  byte[] desired(AssetId vin, DesiredState desired) {
    return signer.signDesired(vin, desired, System.currentTimeMillis());
  }

  byte[] command(AssetId vin, Command command) {
    return signer.signCommand(vin, command);
  }

  /** A raw desired-state body of {@code version}, signed for {@code vin}, valid for an hour. */
  byte[] desiredBody(AssetId vin, long version, byte[] body) {
    long now = System.currentTimeMillis();
    return sign(vin, new Subject.Desired(version), now, now + 3_600_000, body);
  }

  /** A raw command body with {@code commandId}, signed for {@code vin}, valid for an hour. */
  byte[] commandBody(AssetId vin, String commandId, byte[] body) {
    long now = System.currentTimeMillis();
    return sign(vin, new Subject.Command(commandId), now, now + 3_600_000, body);
  }

  byte[] sign(AssetId vin, Subject subject, long issued, long expires, byte[] body) {
    byte[] signed = EnvelopeCodec.toBeSigned(keyId, vin, subject, issued, expires, body);
    try {
      Signature ed25519 = Signature.getInstance("Ed25519");
      ed25519.initSign(pair.getPrivate());
      ed25519.update(signed);
      return EnvelopeCodec.withSignature(signed, ed25519.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
