package io.spime.sim.internal.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.sim.internal.car.VinFactory;
import io.spime.sim.internal.faults.FaultEvent;
import io.spime.sim.internal.ledger.DtcHistory;
import io.spime.sim.internal.ledger.Ledger;
import io.spime.sim.internal.model.TroubleCode;
import io.spime.sim.internal.scenario.ShardSlice;
import io.spime.wire.telemetry.SignalValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shard's ledger survives its file, and verify accepts only the N slices of one fleet. */
class ShardLedgerTest {
  @TempDir Path dir;

  @Test
  void the_slices_of_a_fleet_cover_every_car_once() {
    for (int vehicles : new int[] {1, 7, 9, 100_000}) {
      for (int count = 1; count <= Math.min(vehicles, 7); count++) {
        Set<Integer> cars = new HashSet<>();
        for (int index = 1; index <= count; index++) {
          ShardSlice slice = new ShardSlice(index, count);
          for (int car = slice.from(vehicles); car < slice.to(vehicles); car++) {
            assertTrue(cars.add(car), "car " + car + " twice in " + count + " slices");
          }
        }
        assertEquals(vehicles, cars.size(), vehicles + " cars in " + count + " slices");
      }
    }
    assertEquals(new ShardSlice(2, 3), ShardSlice.parse("2/3"));
    for (String bad : new String[] {"0/3", "4/3", "2", "a/b", "1/0", "1/2/3"}) {
      assertThrows(IllegalArgumentException.class, () -> ShardSlice.parse(bad), bad);
    }
  }

  @Test
  void a_ledger_reads_back_as_written() {
    ShardLedger ledger = ledger(new ShardSlice(2, 3), 4);
    Path file = dir.resolve(ShardLedger.fileName(ledger.header().shard()));
    ledger.write(file);

    assertEquals(ledger, ShardLedger.read(file));
  }

  @Test
  void verify_refuses_a_missing_shard_one_of_another_fleet_and_a_file_that_is_no_ledger()
      throws Exception {
    ledger(new ShardSlice(1, 2), 4).write(dir.resolve("shard-1-of-2.jsonl"));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> ShardVerification.ledgers(dir));
    assertTrue(missing.getMessage().startsWith("no ledger of shard [2] of 2"), missing.getMessage());

    ledger(new ShardSlice(2, 2), 5).write(dir.resolve("shard-2-of-2.jsonl"));
    IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
        () -> ShardVerification.ledgers(dir));
    assertTrue(other.getMessage().contains("is of another fleet"), other.getMessage());

    ledger(new ShardSlice(2, 2), 4).write(dir.resolve("shard-2-of-2.jsonl"));
    assertEquals(2, ShardVerification.ledgers(dir).size());

    Files.writeString(dir.resolve("shard-2-of-2.jsonl"), "{\"shard\": 2, \"of\"\n");
    IllegalArgumentException garbled = assertThrows(IllegalArgumentException.class,
        () -> ShardVerification.ledgers(dir));
    assertTrue(garbled.getMessage().contains("is not a shard's ledger"), garbled.getMessage());
  }

  private static ShardLedger ledger(ShardSlice shard, long seed) {
    DtcHistory.Change set = new DtcHistory.Change(
        DtcHistory.Change.eventId(1, TroubleCode.values()[0], true), 1_700_000_000_000L,
        TroubleCode.values()[0], true);
    Ledger.Snapshot tally = new Ledger.Snapshot(120, 1,
        Map.of("Vehicle.Speed", SignalValue.of(42.5), "Vehicle.IsMoving", SignalValue.of(true)),
        new DtcHistory(List.of(set), Optional.empty(), 1));
    return new ShardLedger(new ShardLedger.Header(shard, seed, 4, "outages", 20_000, true, 1_500,
        "spime-sim 0.1.0 (commit 0123456789ab)",
        List.of(new FaultEvent(FaultEvent.Kind.LINK_CUT, 3_000, 2_000, "car"))),
        List.of(new ShardLedger.Car(VinFactory.vin(seed, shard.from(4)), shard.from(4), tally, 1,
            List.of("one failure"))));
  }
}
