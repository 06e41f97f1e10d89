package io.spime.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.twin.exceptions.VanishedStoreException;
import io.spime.wire.AssetId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store file a crash emptied (or that went missing) is refused, never served as a new store. */
class VanishedStoreTest {
  @TempDir Path dir;

  private Path storeWithOneCar() {
    Path file = dir.resolve("twins.db");
    AssetId vin = TestVins.numbered(901);
    try (TwinStore store = TwinStores.sqlite(file)) {
      store.append(vin, 0, Fixtures.deliveredCar(vin));
    }
    return file;
  }

  private void dropSideFiles(Path file) throws Exception {
    Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
    Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
  }

  @Test
  void an_emptied_store_file_is_refused_and_left_empty() throws Exception {
    Path file = storeWithOneCar();
    Files.write(file, new byte[0]);
    dropSideFiles(file);

    VanishedStoreException e = assertThrows(VanishedStoreException.class, () -> TwinStores.sqlite(file));
    assertTrue(e.getMessage().contains("is empty (0 bytes)") && e.getMessage().contains(".created"),
        e.getMessage());
    assertEquals(0, Files.size(file), "nothing was written into the emptied file");
  }

  @Test
  void a_missing_store_file_with_its_marker_is_refused_and_not_created() throws Exception {
    Path file = storeWithOneCar();
    Files.delete(file);
    dropSideFiles(file);

    VanishedStoreException e = assertThrows(VanishedStoreException.class, () -> TwinStores.sqlite(file));
    assertTrue(e.getMessage().contains("is missing"), e.getMessage());
    assertFalse(Files.exists(file), "no new store was created in its place");
  }

  @Test
  void a_new_store_writes_its_marker_and_an_intact_one_reopens() throws Exception {
    Path file = storeWithOneCar();
    assertTrue(Files.exists(dir.resolve("twins.db.created")));
    try (TwinStore store = TwinStores.sqlite(file)) {
      assertTrue(store.streamProgress(TestVins.numbered(901)).isEmpty());
    }
  }

  @Test
  void deleting_the_marker_too_starts_over_on_purpose() throws Exception {
    Path file = storeWithOneCar();
    Files.write(file, new byte[0]);
    dropSideFiles(file);
    Files.delete(dir.resolve("twins.db.created"));
    try (TwinStore store = TwinStores.sqlite(file)) {
      assertTrue(Files.size(file) > 0);
    }
  }
}
