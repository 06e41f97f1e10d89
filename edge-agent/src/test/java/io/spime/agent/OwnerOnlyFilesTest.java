package io.spime.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.ClosedPort;
import io.spime.testkit.TestVins;
import io.spime.wire.state.ConsentSet;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's data folder and every file in it (outbox with its -wal, journal, lock, marker) are owner-only. */
class OwnerOnlyFilesTest {
  @TempDir Path dir;

  @Test
  void the_data_folder_is_0700_and_every_file_in_it_0600() throws IOException {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "file modes are POSIX");
    Path dataDir = dir.resolve("cars/car-1");
    try (EdgeAgent agent = EdgeAgent.builder(TestVins.random(), "tcp://127.0.0.1:" + ClosedPort.find(), dataDir)
        .consent(ConsentSet.all()).batchWindow(Duration.ofHours(1)).build()) {
      agent.start();
      agent.record(2, 1_700_000_000_000L, 1);
      agent.flush();
      List<String> names = assertOwnerOnly(dir.resolve("cars")); // while open: -wal exists (no -shm: exclusive locking)
      assertTrue(names.containsAll(List.of("outbox.db", "outbox.db-wal",
          "journal-0.bin", "journal-1.bin", "agent.lock", "outbox.db.created")), names.toString());
    }
    assertOwnerOnly(dir.resolve("cars"));
  }

  private static List<String> assertOwnerOnly(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      List<Path> paths = all.toList();
      for (Path path : paths) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        assertEquals(Files.isDirectory(path) ? "rwx------" : "rw-------", mode, path.toString());
      }
      return paths.stream().filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
    }
  }
}
