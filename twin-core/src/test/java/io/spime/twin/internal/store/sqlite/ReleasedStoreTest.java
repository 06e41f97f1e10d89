package io.spime.twin.internal.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.twin.PendingEvent;
import io.spime.twin.Source;
import io.spime.twin.SourceKind;
import io.spime.twin.Twin;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.event.DtcCleared;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.AssetId;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store file written by release 0.1.0 (hand-written migrations, schema version 5; three cars, each
 * produced, sold, with one open DTC and five telemetry batches) opens, is taken over by Flyway in
 * place, and keeps its twins.
 */
class ReleasedStoreTest {
  private static final String FIXTURE = "/io/spime/twin/fixtures/twin-store-0.1.0.db";

  @TempDir Path dir;

  private Path copyOfRelease() throws Exception {
    Path file = dir.resolve("twin.db");
    try (InputStream in = ReleasedStoreTest.class.getResourceAsStream(FIXTURE)) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void a_store_written_by_release_0_1_0_opens_with_its_twins_and_streams() throws Exception {
    Path file = copyOfRelease();
    AssetId vin = AssetId.parseLenient("WVWZZZ1K0AP000002");
    try (TwinStore store = TwinStores.sqlite(file)) {
      Twin twin = store.twin(vin).orElseThrow();
      assertEquals(5, twin.revision());
      assertEquals(LifecyclePhase.IN_SERVICE, twin.phase().orElseThrow());
      assertEquals(List.of("P0A82"), List.copyOf(twin.openDtcs().keySet()));
      assertEquals(10, store.samplesApplied(vin));
      assertEquals(5, store.streamProgress(vin).orElseThrow().durableSeq());
      assertEquals(2, store.latestSignals(vin).size());
      long revision = store.append(vin, 5, List.of(PendingEvent.of(Instant.parse("2024-03-02T08:00:00Z"),
          Source.of(SourceKind.WORKSHOP, "w-1"), new DtcCleared("P0A82")))).revision();
      assertEquals(6, revision);
    }
    assertEquals("5:BASELINE,6:SQL,7:SQL,8:SQL", MigrationTest.query(file,
        "SELECT group_concat(version || ':' || type) FROM spime_schema_history"),
        "Flyway takes the store over at its version and runs only the migrations released after it");
    try (TwinStore store = TwinStores.sqlite(file)) {
      assertTrue(store.twin(vin).orElseThrow().openDtcs().isEmpty(), "reopened after the migration, as migrated");
    }
  }
}
