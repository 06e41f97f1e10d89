package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.sim.internal.ledger.LedgerFile;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the simulator writes (data folder, stores, outboxes, ledgers, reports) is its owner's only. */
class OwnerOnlyFilesTest {
  @TempDir Path dir;

  @BeforeEach
  void posixOnly() {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "file modes are POSIX");
  }

  @Test
  void a_demo_run_creates_every_folder_0700_and_every_file_0600() throws IOException {
    Path data = dir.resolve("new/data");
    Path report = dir.resolve("reports/demo.html");
    CliRun result = CliRun.of("demo", "--vehicles", "2", "--duration", "2s", "--data-dir", data.toString(),
        "--report", report.toString());
    assertEquals(0, result.exitCode(), result.out() + result.err());

    List<Path> checked = assertOwnerOnly(dir.resolve("new"));
    assertTrue(checked.stream().anyMatch(p -> p.getFileName().toString().equals("outbox.db")),
        "the cars' outboxes are among them: " + checked);
    List<Path> reports = assertOwnerOnly(dir.resolve("reports"));
    assertTrue(reports.contains(report), "the report is among them: " + reports);
  }

  @Test
  void a_new_ledger_is_0600() throws IOException {
    Path ledger = dir.resolve("car.ledger");
    try (LedgerFile file = LedgerFile.open(ledger)) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ledger)));
    }
  }

  /** Every folder under and including {@code root} is 0700, every file 0600; returns the files. */
  static List<Path> assertOwnerOnly(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      List<Path> paths = all.toList();
      for (Path path : paths) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        assertEquals(Files.isDirectory(path) ? "rwx------" : "rw-------", mode, path.toString());
      }
      return paths.stream().filter(Files::isRegularFile).toList();
    }
  }
}
