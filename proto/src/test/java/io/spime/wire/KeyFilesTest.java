package io.spime.wire;

import static io.spime.wire.Fixtures.CATALOG;
import static io.spime.wire.Fixtures.T0;
import static io.spime.wire.Fixtures.VIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.wire.signing.DownlinkSigner;
import io.spime.wire.signing.DownlinkVerifier;
import io.spime.wire.signing.KeyFileException;
import io.spime.wire.signing.KeyFiles;
import io.spime.wire.signing.KeyId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM key files: written owner-only, read back, openssl's keys read, and errors that name the file. */
class KeyFilesTest {
  @TempDir Path dir;

  @Test
  void a_written_key_pair_reads_back_and_signs_what_its_public_key_verifies() throws Exception {
    Path priv = dir.resolve("cloud.key");
    Path pub = dir.resolve("cloud.pub");
    KeyFiles.write(KeyFiles.generate(), priv, pub);

    byte[] payload = DownlinkSigner.fromPemFile(KeyId.of("k"), priv).signDesired(VIN, WireValues.desired(), T0);
    DownlinkVerifier verifier = DownlinkVerifier.of(Map.of(KeyId.of("k"), KeyFiles.readPublicKey(pub)));

    assertEquals(WireValues.desired(), verifier.verifyDesired(payload, VIN, CATALOG, T0).desired());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)));
    assertThrows(KeyFileException.class, () -> KeyFiles.write(KeyFiles.generate(), priv, dir.resolve("x")));
  }

  @Test
  void keys_made_by_openssl_are_read() throws Exception {
    Path priv = dir.resolve("openssl.key");
    Path pub = dir.resolve("openssl.pub");
    Assumptions.assumeTrue(run("openssl", "genpkey", "-algorithm", "ed25519", "-out", priv.toString()),
        "openssl is not installed");
    Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
    assertTrue(run("openssl", "pkey", "-in", priv.toString(), "-pubout", "-out", pub.toString()));

    byte[] payload = DownlinkSigner.fromPemFile(KeyId.of("ops"), priv).signCommand(VIN, WireValues.applyProfile());
    DownlinkVerifier verifier = DownlinkVerifier.of(Map.of(KeyId.of("ops"), KeyFiles.readPublicKey(pub)));

    assertEquals("cmd-7", verifier.verifyCommand(payload, VIN, T0).command().commandId());
  }

  @Test
  void a_private_key_others_may_read_is_refused_with_the_chmod_to_fix_it() throws Exception {
    Path priv = dir.resolve("loose.key");
    KeyFiles.write(KeyFiles.generate(), priv, dir.resolve("loose.pub"));
    Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-r--r--"));

    KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.readPrivateKey(priv));
    assertTrue(e.getMessage().contains("chmod 600 " + priv), e.getMessage());
  }

  @Test
  void missing_swapped_and_foreign_files_are_refused_naming_the_file() throws Exception {
    Path priv = dir.resolve("a.key");
    Path pub = dir.resolve("a.pub");
    KeyFiles.write(KeyFiles.generate(), priv, pub);
    Path missing = dir.resolve("missing.pem");
    Path rsa = dir.resolve("rsa.pub");
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    Files.writeString(rsa, "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder()
        .encodeToString(generator.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
    Path garbage = dir.resolve("garbage.pub");
    Files.writeString(garbage, "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----\n");

    for (Runnable read : new Runnable[] {
        () -> KeyFiles.readPublicKey(missing), () -> KeyFiles.readPublicKey(priv),
        () -> KeyFiles.readPrivateKey(pub), () -> KeyFiles.readPublicKey(rsa),
        () -> KeyFiles.readPublicKey(garbage)}) {
      KeyFileException e = assertThrows(KeyFileException.class, read::run);
      assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }
    assertTrue(assertThrows(KeyFileException.class, () -> KeyFiles.readPublicKey(rsa)).getMessage()
        .contains("does not hold an Ed25519 public key"));
  }

  private static boolean run(String... command) throws Exception {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
