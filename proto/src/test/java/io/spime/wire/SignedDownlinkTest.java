package io.spime.wire;

import static io.spime.wire.Fixtures.CATALOG;
import static io.spime.wire.Fixtures.OTHER_VIN;
import static io.spime.wire.Fixtures.T0;
import static io.spime.wire.Fixtures.VIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.wire.signing.BadSignatureException;
import io.spime.wire.signing.DownlinkSigner;
import io.spime.wire.signing.DownlinkVerifier;
import io.spime.wire.signing.ExpiredMessageException;
import io.spime.wire.signing.KeyFiles;
import io.spime.wire.signing.KeyId;
import io.spime.wire.signing.UnknownKeyIdException;
import io.spime.wire.signing.UnsignedPayloadException;
import io.spime.wire.signing.VerifiedCommand;
import io.spime.wire.signing.VerifiedDesired;
import io.spime.wire.signing.WrongMessageKindException;
import io.spime.wire.state.Command;
import io.spime.wire.state.StateCodec;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signing and verifying desired state and commands: what is accepted and each way of refusal. */
class SignedDownlinkTest {
  private static final KeyId K1 = KeyId.of("cloud-2026-1");
  private static final KeyId K2 = KeyId.of("cloud-2026-2");
  private static final KeyPair PAIR1 = KeyFiles.generate();
  private static final KeyPair PAIR2 = KeyFiles.generate();
  private static final DownlinkSigner SIGNER = DownlinkSigner.of(K1, PAIR1.getPrivate());
  private static final DownlinkVerifier VERIFIER = DownlinkVerifier.of(Map.of(K1, PAIR1.getPublic()));

  @Test
  void signed_desired_state_verifies_and_decodes_to_what_was_signed() {
    byte[] payload = SIGNER.signDesired(VIN, WireValues.desired(), T0);

    VerifiedDesired verified = VERIFIER.verifyDesired(payload, VIN, CATALOG, T0 + 1);

    assertEquals(WireValues.desired(), verified.desired());
    assertEquals(K1, verified.keyId());
    assertEquals(T0, verified.issuedMillis());
    assertEquals(T0 + DownlinkSigner.DEFAULT_DESIRED_VALIDITY.toMillis(), verified.expiresMillis());
  }

  @Test
  void signed_command_verifies_and_signing_it_again_gives_the_same_bytes() {
    byte[] payload = SIGNER.signCommand(VIN, WireValues.applyProfile());

    VerifiedCommand verified = VERIFIER.verifyCommand(payload, VIN, T0 + 1);

    assertEquals(WireValues.applyProfile(), verified.command());
    assertEquals(T0 + 60_000, verified.expiresMillis());
    assertArrayEquals(payload, SIGNER.signCommand(VIN, WireValues.applyProfile()));
  }

  @Test
  void a_plain_protobuf_desired_state_or_command_is_refused_as_unsigned() {
    byte[] plainDesired = StateCodec.encode(VIN, WireValues.desired(), T0);
    byte[] plainCommand = StateCodec.encode(VIN, WireValues.applyProfile());

    UnsignedPayloadException e = assertThrows(UnsignedPayloadException.class,
        () -> VERIFIER.verifyDesired(plainDesired, VIN, CATALOG, T0));
    assertThrows(UnsignedPayloadException.class, () -> VERIFIER.verifyCommand(plainCommand, VIN, T0));
    assertThrows(UnsignedPayloadException.class, () -> VERIFIER.verifyCommand(new byte[0], VIN, T0));
    assertTrue(e.getMessage().contains("not a signed envelope"), e.getMessage());
  }

  @Test
  void a_key_id_that_is_not_pinned_is_refused_naming_it_and_the_pinned_ones() {
    byte[] payload = DownlinkSigner.of(K2, PAIR2.getPrivate()).signDesired(VIN, WireValues.desired(), T0);

    UnknownKeyIdException e = assertThrows(UnknownKeyIdException.class,
        () -> VERIFIER.verifyDesired(payload, VIN, CATALOG, T0));
    assertTrue(e.getMessage().contains("'cloud-2026-2'") && e.getMessage().contains("cloud-2026-1"),
        e.getMessage());
  }

  @Test
  void a_pinned_key_id_signed_with_another_private_key_is_a_bad_signature() {
    byte[] forged = DownlinkSigner.of(K1, PAIR2.getPrivate()).signDesired(VIN, WireValues.desired(), T0);

    assertThrows(BadSignatureException.class, () -> VERIFIER.verifyDesired(forged, VIN, CATALOG, T0));
  }

  @Test
  void any_changed_byte_of_header_body_or_signature_is_refused() {
    byte[] payload = SIGNER.signDesired(VIN, WireValues.desired(), T0);
    for (int i = 0; i < payload.length; i++) {
      byte[] altered = payload.clone();
      altered[i] ^= 0x01;
      assertThrows(WireException.class, () -> VERIFIER.verifyDesired(altered, VIN, CATALOG, T0),
          "flipped a bit of byte " + i);
    }
    byte[] body = payload.clone();
    body[payload.length - 64 - 3] ^= 0x40;
    assertThrows(BadSignatureException.class, () -> VERIFIER.verifyDesired(body, VIN, CATALOG, T0));
  }

  @Test
  void desired_state_signed_for_another_car_is_refused_as_a_vin_mismatch() {
    byte[] forOther = SIGNER.signDesired(OTHER_VIN, WireValues.desired(), T0);

    VinMismatchException e = assertThrows(VinMismatchException.class,
        () -> VERIFIER.verifyDesired(forOther, VIN, CATALOG, T0));
    assertTrue(e.getMessage().contains(OTHER_VIN.value()), e.getMessage());
  }

  @Test
  void a_signed_command_on_the_desired_topic_and_the_reverse_are_refused() {
    byte[] command = SIGNER.signCommand(VIN, WireValues.applyProfile());
    byte[] desired = SIGNER.signDesired(VIN, WireValues.desired(), T0);

    assertThrows(WrongMessageKindException.class, () -> VERIFIER.verifyDesired(command, VIN, CATALOG, T0));
    assertThrows(WrongMessageKindException.class, () -> VERIFIER.verifyCommand(desired, VIN, T0));
  }

  @Test
  void messages_past_their_expiry_are_refused() {
    byte[] command = SIGNER.signCommand(VIN, WireValues.applyProfile());
    byte[] desired = SIGNER.withDesiredValidity(Duration.ofMinutes(5)).signDesired(VIN, WireValues.desired(), T0);

    VERIFIER.verifyCommand(command, VIN, T0 + 60_000);
    assertThrows(ExpiredMessageException.class, () -> VERIFIER.verifyCommand(command, VIN, T0 + 60_001));
    assertThrows(ExpiredMessageException.class,
        () -> VERIFIER.verifyDesired(desired, VIN, CATALOG, T0 + 300_001));
  }

  @Test
  void a_command_without_expiry_is_signed_with_the_default_validity() {
    Command open = new Command("c-open", Command.Kind.FLUSH_NOW, T0, 0, Optional.empty());

    VerifiedCommand verified = VERIFIER.verifyCommand(SIGNER.signCommand(VIN, open), VIN, T0);

    assertEquals(T0 + DownlinkSigner.DEFAULT_COMMAND_VALIDITY.toMillis(), verified.expiresMillis());
  }

  @Test
  void during_a_rotation_both_pinned_keys_verify_and_an_unpinned_one_no_longer_does() {
    DownlinkVerifier both = DownlinkVerifier.of(Map.of(K1, PAIR1.getPublic(), K2, PAIR2.getPublic()));
    DownlinkVerifier newOnly = DownlinkVerifier.of(Map.of(K2, PAIR2.getPublic()));
    byte[] old = SIGNER.signDesired(VIN, WireValues.desired(), T0);
    byte[] rotated = DownlinkSigner.of(K2, PAIR2.getPrivate()).signDesired(VIN, WireValues.desired(), T0);

    assertEquals(K1, both.verifyDesired(old, VIN, CATALOG, T0).keyId());
    assertEquals(K2, both.verifyDesired(rotated, VIN, CATALOG, T0).keyId());
    assertEquals(K2, newOnly.verifyDesired(rotated, VIN, CATALOG, T0).keyId());
    assertThrows(UnknownKeyIdException.class, () -> newOnly.verifyDesired(old, VIN, CATALOG, T0));
  }

  @Test
  void a_verifier_needs_a_key_and_key_ids_have_a_form() {
    assertThrows(IllegalArgumentException.class, () -> DownlinkVerifier.of(Map.of()));
    assertThrows(IllegalArgumentException.class, () -> KeyId.of(""));
    assertThrows(IllegalArgumentException.class, () -> KeyId.of("with space"));
    assertThrows(IllegalArgumentException.class, () -> KeyId.of("k".repeat(65)));
    assertThrows(IllegalArgumentException.class,
        () -> DownlinkVerifier.of(Map.of(K1, java.security.KeyPairGenerator.getInstance("EC")
            .generateKeyPair().getPublic())));
  }
}
