package io.spime.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.event.EventCodec;
import io.spime.wire.session.SessionCodec;
import io.spime.wire.signing.DownlinkVerifier;
import io.spime.wire.signing.KeyId;
import io.spime.wire.state.StateCodec;
import io.spime.wire.state.StatePartCodec;
import io.spime.wire.telemetry.TelemetryCodec;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Map;

/**
 * Every public decoder of the wire fed anything: it returns a checked value or refuses with a {@link
 * WireException}, never another exception, never past its {@link DecodeBudget}; what it returns
 * encodes and decodes to the same value. The first byte of the input picks the decoder (one fuzz
 * test, because Jazzer fuzzes one per JVM and each JVM costs seconds of the build): 0 telemetry, 1
 * events, 2 reported state, 3 desired state, 4 command, 5 command id, 6 policy, 7 consent, 8
 * profile, 9 birth, 10 status, 11 ack, 12 signed desired state, 13 signed command (the verifier of
 * the signed downlink, with a key pinned here: the fuzzer cannot forge a signature, so it explores the
 * envelope's parsing and every refusal before and at the signature check). Seeds and regression
 * inputs: {@code WireDecodersFuzzTestInputs/decode}, each named after its decoder.
 */
class WireDecodersFuzzTest {
  private static final SignalCatalog CATALOG = SignalCatalog.builtIn();
  private static final TelemetryCodec TELEMETRY = new TelemetryCodec(CATALOG);
  private static final AssetId VIN = Fixtures.VIN;
  private static final int DECODERS = 14;
  /** The fuzz test's own Ed25519 key pair (PKCS#8 and X.509 DER), pinned as {@code fuzz}. */
  static final String PRIVATE_KEY_HEX =
      "302e020100300506032b6570042204208f9867162e98c0488f4b77d1b836d0f59ca6e5ce45f26a710e71195cbd6cfd12";
  static final String PUBLIC_KEY_HEX =
      "302a300506032b6570032100297830f8a65d27ae5cead05c247d8d1f8007ca0efcce70840d89db246b207bb3";
  private static final DownlinkVerifier VERIFIER =
      DownlinkVerifier.of(Map.of(KeyId.of("fuzz"), publicKey(PUBLIC_KEY_HEX)));

  @FuzzTest(maxDuration = "5s")
  void decode(byte[] input) {
    if (input.length == 0) {
      return;
    }
    byte[] payload = DecoderContract.afterSelector(input);
    switch (Math.floorMod(input[0], DECODERS)) {
      case 0 -> DecoderContract.decode(payload, TELEMETRY::decode)
          // a batch of an older catalog decodes (its signals are all in this one), but is encoded for its own
          .filter(batch -> batch.catalogVersion() == TELEMETRY.catalog().version()).ifPresent(batch -> {
        try {
          assertEquals(batch, TELEMETRY.decode(TELEMETRY.encode(batch)));
        } catch (OversizedPayloadException denser) {
          // Re-encoded more compactly than it came, past the budget of the smaller payload.
        }
      });
      case 1 -> DecoderContract.decode(payload, EventCodec::decode).ifPresent(batch -> {
        try {
          assertEquals(batch, EventCodec.decode(EventCodec.encode(batch)));
        } catch (OversizedPayloadException denser) {
          // As above.
        }
      });
      case 2 -> DecoderContract.decode(payload, p -> StateCodec.decodeReported(p, CATALOG))
          .ifPresent(state -> assertEquals(state,
              StateCodec.decodeReported(StateCodec.encode(state), CATALOG)));
      case 3 -> DecoderContract.decode(payload, p -> StateCodec.decodeDesired(p, VIN, CATALOG))
          .ifPresent(desired -> assertEquals(desired,
              StateCodec.decodeDesired(StateCodec.encode(VIN, desired, 1), VIN, CATALOG)));
      case 4 -> DecoderContract.decode(payload, p -> StateCodec.decodeCommand(p, VIN))
          .ifPresent(command -> assertEquals(command,
              StateCodec.decodeCommand(StateCodec.encode(VIN, command), VIN)));
      case 5 -> DecoderContract.decode(payload, StateCodec::commandId);
      case 6 -> DecoderContract.decode(payload, p -> StatePartCodec.decodePolicy(p, CATALOG))
          .ifPresent(policy -> assertEquals(policy,
              StatePartCodec.decodePolicy(StatePartCodec.encode(policy), CATALOG)));
      case 7 -> DecoderContract.decode(payload, StatePartCodec::decodeConsent)
          .ifPresent(consent -> assertEquals(consent,
              StatePartCodec.decodeConsent(StatePartCodec.encode(consent))));
      case 8 -> DecoderContract.decode(payload, StatePartCodec::decodeProfile)
          .ifPresent(profile -> assertEquals(profile,
              StatePartCodec.decodeProfile(StatePartCodec.encode(profile))));
      case 9 -> DecoderContract.decode(payload, SessionCodec::decodeBirth)
          .ifPresent(birth -> assertEquals(birth,
              SessionCodec.decodeBirth(SessionCodec.encode(birth))));
      case 10 -> DecoderContract.decode(payload, SessionCodec::decodeStatus)
          .ifPresent(status -> assertEquals(status,
              SessionCodec.decodeStatus(SessionCodec.encode(status))));
      case 11 -> DecoderContract.decode(payload, SessionCodec::decodeAck)
          .ifPresent(ack -> assertEquals(ack, SessionCodec.decodeAck(SessionCodec.encode(ack))));
      case 12 -> DecoderContract.decode(payload,
          p -> VERIFIER.verifyDesired(p, VIN, CATALOG, Fixtures.T0));
      default -> DecoderContract.decode(payload, p -> VERIFIER.verifyCommand(p, VIN, Fixtures.T0));
    }
  }

  private static PublicKey publicKey(String hex) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(HexFormat.of().parseHex(hex)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the fuzz test's public key does not parse", e);
    }
  }
}
