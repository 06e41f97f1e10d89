package io.spime.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spime.wire.signing.DownlinkVerifier;
import io.spime.wire.signing.KeyId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fuzz seeds of the signed downlink verify with the fuzz test's pinned key, so the fuzzer starts
 * from envelopes that pass every check and mutates from there; a change of the envelope's format
 * that leaves them stale fails here.
 */
class SignedFuzzSeedsTest {
  private static final Path SEEDS =
      Path.of("src/test/resources/io/spime/wire/WireDecodersFuzzTestInputs/decode");

  @Test
  void the_signed_seeds_pass_the_verifier_with_the_fuzz_key() throws Exception {
    DownlinkVerifier verifier = DownlinkVerifier.of(Map.of(KeyId.of("fuzz"),
        KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
            HexFormat.of().parseHex(WireDecodersFuzzTest.PUBLIC_KEY_HEX)))));

    byte[] desired = Files.readAllBytes(SEEDS.resolve("signed-desired"));
    byte[] command = Files.readAllBytes(SEEDS.resolve("signed-command"));

    assertEquals(12, desired[0]);
    assertEquals(WireValues.desired(), verifier.verifyDesired(
        Arrays.copyOfRange(desired, 1, desired.length), Fixtures.VIN, Fixtures.CATALOG, Fixtures.T0).desired());
    assertEquals(13, command[0]);
    assertEquals(WireValues.applyProfile(), verifier.verifyCommand(
        Arrays.copyOfRange(command, 1, command.length), Fixtures.VIN, Fixtures.T0).command());
  }
}
