package io.spime.twin.internal.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.twin.TwinStoreOptions;
import io.spime.twin.internal.store.jdbc.JdbcTwinStore;
import io.spime.twin.custody.PartyId;
import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.lifecycle.LifecyclePhase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FleetQueryPlanTest {
  @TempDir static Path dir;
  static JdbcTwinStore store;

  @BeforeAll
  static void open() {
    store = SqliteStore.open(dir.resolve("plan.db"), TwinStoreOptions.defaults());
  }

  @AfterAll
  static void close() {
    store.close();
  }

  static List<FleetQuery> queries() {
    return List.of(
        new FleetQuery.InPhase(LifecyclePhase.IN_SERVICE),
        new FleetQuery.OfModel("Volta", "E1", Optional.empty()),
        new FleetQuery.OfModel("Volta", "E1", Optional.of(2024)),
        new FleetQuery.WithOpenDtc("P0A80"),
        new FleetQuery.BatteryHealthBelow(80),
        new FleetQuery.AgreementEndingBefore(LocalDate.of(2026, 1, 1)),
        new FleetQuery.NotSeenSince(Instant.parse("2026-01-01T00:00:00Z")),
        new FleetQuery.InCustodyOf(PartyId.of("cust-1")),
        new FleetQuery.Online(true),
        new FleetQuery.Online(false));
  }

  @ParameterizedTest
  @MethodSource("queries")
  void every_fleet_query_reads_an_index_range_without_scanning_or_sorting(FleetQuery query) {
    List<String> plan = store.explain(query);
    String text = String.join(" | ", plan);
    assertTrue(plan.stream().anyMatch(l -> l.contains("USING INDEX") || l.contains("USING COVERING INDEX")
        || l.contains("USING PRIMARY KEY") || l.contains("USING INTEGER PRIMARY KEY")), text);
    assertFalse(plan.stream().anyMatch(l -> l.startsWith("SCAN") && !l.contains("INDEX")), "full scan: " + text);
    assertFalse(text.contains("TEMP B-TREE"), "sort: " + text);
  }
}
