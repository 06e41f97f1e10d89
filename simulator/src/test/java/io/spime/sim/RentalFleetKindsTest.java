package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.fleet.SignalReading;
import io.spime.twin.fleet.VehicleSummary;
import io.spime.wire.AssetKind;
import io.spime.wire.catalog.KindSignals;
import io.spime.wire.catalog.SignalCatalog;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code rental-fleet} scenario mixes kinds: six vehicles (cars, e-bike, e-scooter, boat,
 * trailer, bicycle) drive through an embedded broker; every kind's twins hold all their samples,
 * only of their kind's signals, and the JSON result counts each kind.
 */
class RentalFleetKindsTest {
  private static final SignalCatalog CATALOG = SignalCatalog.builtIn();
  private static final Map<AssetKind, Integer> EXPECTED = Map.of(AssetKind.CAR, 1,
      AssetKind.E_BIKE, 1, AssetKind.E_SCOOTER, 1, AssetKind.BOAT, 1, AssetKind.TRAILER, 1,
      AssetKind.BICYCLE, 1);

  @TempDir Path dir;

  @Test
  void every_kind_of_the_rental_fleet_reaches_its_twins_without_loss() throws Exception {
    Path json = dir.resolve("result.json");
    Path data = dir.resolve("data");
    CliRun run = CliRun.of("run", "--scenario", "rental-fleet", "--vehicles", "6", "--duration", "8s",
        "--data-dir", data.toString(), "--json", json.toString());

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("result: OK"), run.out());
    assertTrue(run.out().contains("  fleet 1 car, 1 trailer, 1 bicycle, 1 e-bike, 1 e-scooter, 1 boat\n"),
        run.out());
    assertTrue(run.out().matches("(?s).*\\nboat +1 +[1-9]\\d* +[1-9]\\d* +0 +0\\n.*"), run.out());

    JsonNode result = new ObjectMapper().readTree(json.toFile());
    assertEquals(0, result.path("figures").path("samples_lost").asLong());
    Map<AssetKind, Integer> inJson = new EnumMap<>(AssetKind.class);
    for (JsonNode kind : result.path("kinds")) {
      inJson.put(AssetKind.of(kind.path("kind").asText()), kind.path("vehicles").asInt());
      assertEquals(0, kind.path("lost").asLong(), kind.toString());
      assertTrue(kind.path("stored").asLong() > 0, kind.toString());
      assertEquals(kind.path("accepted").asLong(), kind.path("stored").asLong(), kind.toString());
    }
    assertEquals(EXPECTED, inJson);

    try (TwinStore store = TwinStores.sqlite(data.resolve("twins.db"))) {
      for (AssetKind kind : EXPECTED.keySet()) {
        List<VehicleSummary> twins =
            store.fleet(new FleetQuery.OfKind(kind), PageRequest.first(50)).vehicles();
        assertEquals(EXPECTED.get(kind), twins.size(), kind + ": " + twins);
        for (VehicleSummary twin : twins) {
          Map<Integer, SignalReading> signals = store.latestSignals(twin.vin());
          assertTrue(signals.size() > 3, twin.vin() + " holds " + signals.size() + " signals");
          for (int id : signals.keySet()) {
            String path = CATALOG.require(id).path();
            assertTrue(KindSignals.sends(kind, path), kind + " " + twin.vin() + " holds " + path);
          }
        }
      }
    }
  }
}
