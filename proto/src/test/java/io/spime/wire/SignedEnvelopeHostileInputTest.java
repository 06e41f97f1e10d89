package io.spime.wire;

import static io.spime.wire.Fixtures.CATALOG;
import static io.spime.wire.Fixtures.T0;
import static io.spime.wire.Fixtures.VIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.wire.internal.EnvelopeCodec;
import io.spime.wire.signing.DownlinkSigner;
import io.spime.wire.signing.DownlinkVerifier;
import io.spime.wire.signing.KeyFiles;
import io.spime.wire.signing.KeyId;
import io.spime.wire.signing.Subject;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Truncated, oversized, garbage and mutated signed envelopes: refused with specific WireExceptions. */
class SignedEnvelopeHostileInputTest {
  private static final KeyId KEY = KeyId.of("k1");
  private static final KeyPair PAIR = KeyFiles.generate();
  private static final DownlinkSigner SIGNER = DownlinkSigner.of(KEY, PAIR.getPrivate());
  private static final DownlinkVerifier VERIFIER = DownlinkVerifier.of(Map.of(KEY, PAIR.getPublic()));
  private static final Consumer<byte[]> DESIRED = p -> VERIFIER.verifyDesired(p, VIN, CATALOG, T0);
  private static final Consumer<byte[]> COMMAND = p -> VERIFIER.verifyCommand(p, VIN, T0);

  @Test
  void every_truncation_is_refused_and_a_cut_envelope_says_where_it_ends() {
    byte[] desired = SIGNER.signDesired(VIN, WireValues.desired(), T0);
    HostileInputs.assertEveryTruncationRefused(desired, DESIRED);
    HostileInputs.assertEveryTruncationRefused(SIGNER.signCommand(VIN, WireValues.applyProfile()), COMMAND);

    MalformedPayloadException cut = assertThrows(MalformedPayloadException.class,
        () -> DESIRED.accept(Arrays.copyOf(desired, desired.length - 1)));
    assertTrue(cut.getMessage().contains("cut short in its signature"), cut.getMessage());
    assertThrows(MalformedPayloadException.class, () -> DESIRED.accept(new byte[] {0x00, 'S'}));
  }

  @Test
  void bytes_after_the_signature_are_refused() {
    byte[] payload = SIGNER.signDesired(VIN, WireValues.desired(), T0);
    byte[] longer = Arrays.copyOf(payload, payload.length + 1);

    MalformedPayloadException e = assertThrows(MalformedPayloadException.class, () -> DESIRED.accept(longer));
    assertTrue(e.getMessage().contains("after the signature"), e.getMessage());
  }

  @Test
  void an_oversized_envelope_or_body_is_refused_before_anything_is_verified() {
    byte[] huge = new byte[EnvelopeCodec.MAX_PAYLOAD_BYTES + 1];
    System.arraycopy(EnvelopeCodec.MAGIC, 0, huge, 0, 4);
    assertThrows(OversizedPayloadException.class, () -> DESIRED.accept(huge));

    byte[] header = EnvelopeCodec.toBeSigned(KEY, VIN, new Subject.Desired(1), T0, T0 + 1, new byte[0]);
    byte[] claimsHugeBody = Arrays.copyOf(header, header.length + 64);
    int lengthAt = header.length - 4;
    claimsHugeBody[lengthAt] = 0x7f;
    OversizedPayloadException e = assertThrows(OversizedPayloadException.class,
        () -> DESIRED.accept(claimsHugeBody));
    assertTrue(e.getMessage().contains("envelope body"), e.getMessage());
  }

  @Test
  void an_unknown_format_or_kind_is_refused_by_name() {
    byte[] payload = SIGNER.signDesired(VIN, WireValues.desired(), T0);
    byte[] format3 = payload.clone();
    format3[4] = 3;
    byte[] kind9 = payload.clone();
    kind9[5] = 9;

    assertTrue(assertThrows(MalformedPayloadException.class, () -> DESIRED.accept(format3))
        .getMessage().contains("format 3 is not supported"));
    assertTrue(assertThrows(MalformedPayloadException.class, () -> DESIRED.accept(kind9))
        .getMessage().contains("unknown envelope kind 9"));
  }

  @Test
  void random_garbage_with_and_without_the_magic_is_refused_with_wire_exceptions_only() {
    HostileInputs.assertGarbageRefused(0x5161, 3000, 400, DESIRED);
    HostileInputs.assertGarbageRefused(0x5162, 3000, 400, COMMAND);
    java.util.Random random = new java.util.Random(0x5163);
    for (int i = 0; i < 3000; i++) {
      byte[] garbage = new byte[5 + random.nextInt(400)];
      random.nextBytes(garbage);
      System.arraycopy(EnvelopeCodec.MAGIC, 0, garbage, 0, 4);
      garbage[4] = 1;
      assertThrows(WireException.class, () -> DESIRED.accept(garbage), "garbage #" + i);
    }
  }

  @Test
  void every_mutation_of_a_signed_payload_is_refused() {
    assertEveryMutationRefused(SIGNER.signDesired(VIN, WireValues.desired(), T0), 11, DESIRED);
    assertEveryMutationRefused(SIGNER.signCommand(VIN, WireValues.applyProfile()), 12, COMMAND);
  }

  private static void assertEveryMutationRefused(byte[] valid, long seed, Consumer<byte[]> verify) {
    java.util.Random random = new java.util.Random(seed);
    for (int i = 0; i < 3000; i++) {
      byte[] mutated = valid.clone();
      for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
        int at = random.nextInt(mutated.length);
        mutated[at] = (byte) (mutated[at] ^ (1 + random.nextInt(255)));
      }
      assertThrows(WireException.class, () -> verify.accept(mutated), "mutation #" + i);
    }
  }

  @Test
  void reading_an_envelope_stays_within_the_decode_budget_of_its_size() {
    byte[] payload = SIGNER.signDesired(VIN, WireValues.desired(), T0);
    byte[] huge = new byte[EnvelopeCodec.MAX_PAYLOAD_BYTES];
    System.arraycopy(payload, 0, huge, 0, payload.length);
    for (byte[] input : new byte[][] {payload, huge}) {
      HeapMeter.allocatedBy(() -> DESIRED.accept(input));
      long allocated = HeapMeter.allocatedBy(() -> DESIRED.accept(input));
      assertTrue(allocated <= DecodeBudget.forPayload(input.length),
          "verifying " + input.length + " bytes allocated " + allocated);
    }
  }

  @Test
  void a_boat_and_an_e_bike_get_envelopes_of_format_2_with_their_ids_and_cars_keep_format_1() {
    AssetId boat = AssetId.parse("HIN-US-ABC12345D404");
    AssetId bike = AssetId.parse("FRM-WTU12345");

    byte[] toBoat = SIGNER.signDesired(boat, WireValues.desired(), T0);
    byte[] toBike = SIGNER.signCommand(bike, WireValues.applyProfile());

    assertEquals(EnvelopeCodec.FORMAT_ASSET_ID, toBoat[4]);
    assertEquals(EnvelopeCodec.FORMAT, SIGNER.signDesired(VIN, WireValues.desired(), T0)[4]);
    assertEquals(boat, EnvelopeCodec.decode(toBoat, "desired").vin());
    assertEquals(bike, EnvelopeCodec.decode(toBike, "command").vin());
    VERIFIER.verifyDesired(toBoat, boat, CATALOG, T0);
    VERIFIER.verifyCommand(toBike, bike, T0);
    assertThrows(VinMismatchException.class, () -> VERIFIER.verifyCommand(toBike, VIN, T0));
    HostileInputs.assertEveryTruncationRefused(toBoat,
        p -> VERIFIER.verifyDesired(p, boat, CATALOG, T0));
  }
}
