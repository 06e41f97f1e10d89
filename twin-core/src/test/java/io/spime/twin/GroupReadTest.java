package io.spime.twin;

import static io.spime.twin.Fixtures.CAR;
import static io.spime.twin.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.twin.diagnostics.DtcSeverity;
import io.spime.twin.event.DtcCleared;
import io.spime.twin.event.DtcRaised;
import io.spime.twin.event.TwinEvent;
import io.spime.wire.AssetId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link TwinJournal#twins}: a group's current twins in one read, the same as reading them one by one. */
class GroupReadTest extends StoreContract {
  private TwinStore store;

  @BeforeEach
  void open() {
    store = stores.open(JournalTest.options());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void a_group_read_gives_each_known_car_its_current_twin_once_in_the_order_asked() {
    AssetId quiet = TestVins.numbered(1);
    AssetId busy = TestVins.numbered(2);
    AssetId unknown = TestVins.numbered(3);
    store.append(quiet, 0, Fixtures.deliveredCar(quiet));
    store.append(busy, 0, Fixtures.deliveredCar(busy));
    // one event at a time: the stored head row stays behind the journal, the read folds the rest on
    for (int i = 0; i < 6; i++) {
      store.append(busy, 4L + i, Fixtures.timeline(T0.plusSeconds(3_600L * (i + 1)), CAR, raisedOrCleared(i)));
    }

    Map<AssetId, Twin> twins = store.twins(List.of(busy, unknown, quiet, busy));

    assertEquals(List.of(busy, quiet), List.copyOf(twins.keySet()));
    assertEquals(store.twin(busy).orElseThrow(), twins.get(busy));
    assertEquals(store.twin(quiet).orElseThrow(), twins.get(quiet));
    assertEquals(10, twins.get(busy).revision());
    assertTrue(twins.get(busy).openDtcs().isEmpty(), "the last event cleared the code");
  }

  @Test
  void a_write_after_a_group_read_shows_in_the_next_one() {
    AssetId vin = TestVins.numbered(7);
    store.append(vin, 0, Fixtures.deliveredCar(vin));
    assertEquals(4, store.twins(List.of(vin)).get(vin).revision());
    store.append(vin, 4, Fixtures.timeline(T0.plusSeconds(3_600), CAR,
        new DtcRaised("P0A80", DtcSeverity.WARNING, "cell imbalance")));

    Twin after = store.twins(List.of(vin)).get(vin);

    assertEquals(5, after.revision());
    assertEquals(store.twin(vin).orElseThrow(), after);
  }

  @Test
  void a_group_larger_than_one_statement_is_read_whole() {
    List<AppendRequest> cars = new ArrayList<>();
    List<AssetId> vins = new ArrayList<>();
    for (int i = 0; i < 1_234; i++) {
      AssetId vin = TestVins.numbered(1_000 + i);
      vins.add(vin);
      cars.add(new AppendRequest(vin, 0, Fixtures.timeline(Fixtures.FACTORY, Fixtures.produced(vin))));
    }
    store.appendAll(cars);
    List<AssetId> asked = new ArrayList<>(vins);
    asked.add(TestVins.numbered(9_999));

    Map<AssetId, Twin> twins = store.twins(asked);

    assertEquals(vins, List.copyOf(twins.keySet()));
    twins.forEach((vin, twin) -> {
      assertEquals(1, twin.revision(), vin.toString());
      assertEquals(vin, twin.vin());
    });
  }

  @Test
  void an_empty_group_reads_nothing_and_a_null_vin_is_refused() {
    assertEquals(Map.of(), store.twins(List.of()));
    assertThrows(NullPointerException.class, () -> store.twins(Arrays.asList(TestVins.numbered(1), null)));
  }

  /** Raises and clears a code in turn, so the twin's open codes tell whether every event was folded. */
  private static TwinEvent raisedOrCleared(int i) {
    return i % 2 == 0 ? new DtcRaised("P0A80", DtcSeverity.WARNING, "cell imbalance") : new DtcCleared("P0A80");
  }
}
