package io.spime.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.twin.fleet.Connectivity;
import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.fleet.VehicleSummary;
import io.spime.twin.ingest.StatusReport;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.wire.AssetId;
import io.spime.wire.StreamPosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectivityTest extends StoreContract {
  private static final Instant T = Instant.parse("2025-06-01T10:00:00Z");
  private static final long BOOT_A = 11;
  private static final long BOOT_B = 22;

  private TwinStore store;
  private final AssetId vin = TestVins.numbered(900);

  @BeforeEach
  void open() {
    store = stores.open();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Connectivity now() {
    return store.connectivity(vin).orElseThrow();
  }

  @Test
  void a_car_without_status_has_no_connectivity_and_a_first_status_creates_it() {
    assertEquals(Optional.empty(), store.connectivity(vin));
    store.recordConnectivity(vin, true, T, BOOT_A);
    assertEquals(new Connectivity(true, T, BOOT_A, Optional.of(T)), now());
    assertTrue(store.twin(vin).isPresent(), "the vehicle is known from its status");
  }

  @Test
  void the_newer_status_wins_and_an_older_one_of_another_boot_is_ignored() {
    store.recordConnectivity(vin, true, T.plusSeconds(100), BOOT_B);
    store.recordConnectivity(vin, false, T, BOOT_A);
    assertEquals(new Connectivity(true, T.plusSeconds(100), BOOT_B, Optional.of(T.plusSeconds(100))), now());
    store.recordConnectivity(vin, false, T.plusSeconds(100), BOOT_A);
    assertTrue(now().online(), "same time, other boot: the stored status stays");
    store.recordConnectivity(vin, false, T.plusSeconds(200), BOOT_B);
    assertEquals(new Connectivity(false, T.plusSeconds(200), BOOT_B, Optional.of(T.plusSeconds(200))), now());
    store.recordConnectivity(vin, true, T.plusSeconds(150), BOOT_B);
    assertFalse(now().online(), "an older online status is ignored");
  }

  @Test
  void the_will_of_the_online_boot_wins_although_it_was_written_when_the_boot_started() {
    store.recordConnectivity(vin, true, T.plusSeconds(5), BOOT_A);
    store.recordConnectivity(vin, false, T, BOOT_A);
    assertEquals(new Connectivity(false, T.plusSeconds(5), BOOT_A, Optional.of(T.plusSeconds(5))), now());
    store.recordConnectivity(vin, true, T.plusSeconds(5), BOOT_A);
    assertFalse(now().online(), "a repeated online status of the ended session is ignored");
    store.recordConnectivity(vin, true, T.plusSeconds(60), BOOT_A);
    assertTrue(now().online(), "the boot reconnected");
  }

  @Test
  void last_seen_follows_telemetry_events_and_quarantined_messages() {
    store.recordConnectivity(vin, true, T, BOOT_A);
    store.applyUplink(List.of(UplinkApplyTest.telemetry(vin, 1, T.plusSeconds(10).toEpochMilli())));
    assertEquals(Optional.of(T.plusSeconds(10)), now().lastSeen());
    store.applyUplink(List.of(new UplinkMessage.Events(vin, new io.spime.wire.StreamPosition(41, 2, 9),
        List.of(UplinkApplyTest.carEvent("ev-1", T.plusSeconds(20), "ignition")), List.of())));
    assertEquals(Optional.of(T.plusSeconds(20)), now().lastSeen());
    assertEquals(T, now().since());
    Instant before = Instant.now().minusSeconds(1);
    store.applyUplink(List.of(UplinkApplyTest.quarantined(vin, 3)));
    assertTrue(now().lastSeen().orElseThrow().isAfter(before), "a quarantined message counts when received");
  }

  @Test
  void a_group_counts_each_cars_samples_and_keeps_the_newest_time_each_was_heard_at() {
    AssetId other = TestVins.numbered(901);
    store.recordConnectivity(List.of(new StatusReport(vin, true, T, BOOT_A), new StatusReport(other, true, T, BOOT_B)));
    store.applyUplink(List.of(UplinkApplyTest.telemetry(vin, 1, T.plusSeconds(10).toEpochMilli()),
        UplinkApplyTest.telemetry(other, 1, T.plusSeconds(30).toEpochMilli())));
    // an older sample leaves the newer time; a newer one moves it
    store.applyUplink(List.of(UplinkApplyTest.telemetry(vin, 2, T.plusSeconds(5).toEpochMilli()),
        UplinkApplyTest.telemetry(other, 2, T.plusSeconds(40).toEpochMilli())));
    // a message that shows no time moves the stream on and leaves the time as it was
    store.applyUplink(List.of(new UplinkMessage.Events(other, new StreamPosition(41, 3, 9), List.of(), List.of())));

    assertEquals(Optional.of(T.plusSeconds(10)), store.connectivity(vin).orElseThrow().lastSeen());
    assertEquals(Optional.of(T.plusSeconds(40)), store.connectivity(other).orElseThrow().lastSeen());
    assertEquals(2, store.samplesApplied(vin));
    assertEquals(2, store.samplesApplied(other));
    assertEquals(3, store.streamProgress(other).orElseThrow().durableSeq());
  }

  @Test
  void a_fleet_query_finds_online_and_offline_cars_from_an_index() {
    AssetId other = TestVins.numbered(901);
    store.recordConnectivity(vin, true, T, BOOT_A);
    store.recordConnectivity(other, true, T, BOOT_B);
    store.recordConnectivity(other, false, T.plusSeconds(1), BOOT_B);
    assertEquals(List.of(vin), store.fleet(new FleetQuery.Online(true), PageRequest.first(10)).vehicles().stream()
        .map(VehicleSummary::vin).toList());
    assertEquals(List.of(other), store.fleet(new FleetQuery.Online(false), PageRequest.first(10)).vehicles().stream()
        .map(VehicleSummary::vin).toList());
  }

  @Test
  void a_boot_id_of_zero_is_refused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> store.recordConnectivity(vin, true, T, 0));
    assertTrue(e.getMessage().contains("bootId"), e.getMessage());
  }

  @Test
  void statuses_recorded_as_one_group_end_as_the_same_statuses_recorded_one_by_one() {
    List<AssetId> grouped = List.of(vin, TestVins.numbered(901));
    List<AssetId> single = List.of(TestVins.numbered(902), TestVins.numbered(903));
    List<StatusReport> reports = new ArrayList<>();
    for (AssetId car : grouped) {
      reports.add(new StatusReport(car, true, T.plusSeconds(100), BOOT_B));
      reports.add(new StatusReport(car, false, T, BOOT_A));
      reports.add(new StatusReport(car, false, T.plusSeconds(150), BOOT_B));
    }
    store.recordConnectivity(reports);
    for (StatusReport r : reports) {
      store.recordConnectivity(single.get(grouped.indexOf(r.vin())), r.online(), r.at(), r.bootId());
    }
    for (int i = 0; i < grouped.size(); i++) {
      Connectivity one = store.connectivity(grouped.get(i)).orElseThrow();
      assertEquals(store.connectivity(single.get(i)).orElseThrow(), one);
      assertEquals(new Connectivity(false, T.plusSeconds(150), BOOT_B, Optional.of(T.plusSeconds(150))), one);
    }
    assertThrows(IllegalArgumentException.class, () -> new StatusReport(vin, true, T, 0));
  }
}
