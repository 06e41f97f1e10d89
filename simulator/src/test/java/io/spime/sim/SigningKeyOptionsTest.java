package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.broker.EmbeddedBroker;
import io.spime.wire.signing.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downlink key of a run: generated owner-only, or given as files that are checked up front. */
class SigningKeyOptionsTest {
  @TempDir Path dir;

  @Test
  void a_run_generates_an_owner_only_key_pair_in_its_data_folder() throws Exception {
    Path data = dir.resolve("data");
    CliRun run = CliRun.of("run", "--vehicles", "1", "--duration", "2s", "--data-dir", data.toString());

    assertEquals(0, run.exitCode(), run.out() + run.err());
    Path keys = data.resolve("keys");
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
    List<Path> files;
    try (Stream<Path> listed = Files.list(keys)) {
      files = listed.sorted().toList();
    }
    assertEquals(2, files.size(), files.toString());
    Path privateKey = files.stream().filter(f -> f.toString().endsWith(".key")).findFirst().orElseThrow();
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
    assertTrue(privateKey.getFileName().toString().startsWith("sim-"), privateKey.toString());
  }

  @Test
  void a_run_with_given_key_files_uses_them_and_generates_none() {
    Path privateKey = dir.resolve("cloud.key");
    Path publicKey = dir.resolve("cloud.pub");
    KeyFiles.write(KeyFiles.generate(), privateKey, publicKey);
    Path data = dir.resolve("data");

    CliRun run = CliRun.of("run", "--vehicles", "1", "--duration", "2s", "--data-dir", data.toString(),
        "--signing-key", privateKey.toString(), "--signing-key-id", "ops-1",
        "--downlink-key", publicKey.toString());

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(Files.notExists(data.resolve("keys")));
  }

  @Test
  void incomplete_missing_or_loose_key_files_are_usage_errors_naming_the_problem() throws Exception {
    Path privateKey = dir.resolve("cloud.key");
    Path publicKey = dir.resolve("cloud.pub");
    KeyFiles.write(KeyFiles.generate(), privateKey, publicKey);
    Path missing = dir.resolve("missing.key");

    CliRun alone = CliRun.of("run", "--signing-key", privateKey.toString(), "--data-dir", dir.toString());
    CliRun noPublic = CliRun.of("run", "--signing-key", privateKey.toString(), "--signing-key-id", "k",
        "--data-dir", dir.toString());
    CliRun absent = CliRun.of("cloud", "--broker", "tcp://127.0.0.1:1", "--store", dir.resolve("x.db").toString(),
        "--signing-key", missing.toString(), "--signing-key-id", "k");
    Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-r--r--"));
    CliRun loose = CliRun.of("cloud", "--broker", "tcp://127.0.0.1:1", "--store", dir.resolve("x.db").toString(),
        "--signing-key", privateKey.toString(), "--signing-key-id", "k");

    assertEquals(2, alone.exitCode());
    assertTrue(alone.err().contains("--signing-key and --signing-key-id go together"), alone.err());
    assertEquals(2, noPublic.exitCode());
    assertTrue(noPublic.err().contains("--downlink-key go together"), noPublic.err());
    assertEquals(2, absent.exitCode());
    assertTrue(absent.err().contains(missing + " does not exist"), absent.err());
    assertEquals(2, loose.exitCode());
    assertTrue(loose.err().contains("chmod 600 " + privateKey), loose.err());
  }

  @Test
  void cloud_runs_with_a_signing_key() {
    Path privateKey = dir.resolve("cloud.key");
    KeyFiles.write(KeyFiles.generate(), privateKey, dir.resolve("cloud.pub"));
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      CliRun cloud = CliRun.of("cloud", "--broker", broker.url(), "--store", dir.resolve("t.db").toString(),
          "--signing-key", privateKey.toString(), "--signing-key-id", "ops-1", "--every", "1s", "--for", "1s");
      assertEquals(0, cloud.exitCode(), cloud.err());
    }
  }
}
