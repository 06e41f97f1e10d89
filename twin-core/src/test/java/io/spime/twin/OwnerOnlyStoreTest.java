package io.spime.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spime.testkit.TestVins;
import io.spime.wire.AssetId;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new twin store, its -wal and -shm and its marker are readable and writable by their owner only. */
class OwnerOnlyStoreTest {
  @TempDir Path dir;

  @Test
  void a_new_store_and_its_side_files_are_0600() throws Exception {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "file modes are POSIX");
    Path file = dir.resolve("twins.db");
    AssetId vin = TestVins.numbered(902);
    try (TwinStore store = TwinStores.sqlite(file)) {
      store.append(vin, 0, Fixtures.deliveredCar(vin));
      for (String name : List.of("twins.db", "twins.db-wal", "twins.db-shm", "twins.db.created")) {
        Path path = dir.resolve(name);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)), name);
      }
    }
  }
}
