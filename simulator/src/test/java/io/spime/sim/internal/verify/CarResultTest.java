package io.spime.sim.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.sim.internal.report.RunReport;
import io.spime.wire.AssetId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarResultTest {
  private static final AssetId VIN = AssetId.parse("1M8GDM9AXKP042788");

  @Test
  void a_car_is_clean_only_when_its_twin_holds_exactly_what_it_accepted() {
    assertTrue(new CarResult(VIN, 100, 0, 100, List.of()).clean());
    CarResult lost = new CarResult(VIN, 100, 0, 97, List.of());
    assertFalse(lost.clean());
    assertEquals(3, lost.lost());
    CarResult doubled = new CarResult(VIN, 100, 0, 104, List.of());
    assertFalse(doubled.clean());
    assertEquals(4, doubled.duplicated());
    assertFalse(new CarResult(VIN, 100, 0, 100, List.of("Vehicle.Speed")).clean());
  }

  @Test
  void a_killed_car_may_store_one_sample_per_kill_beyond_its_ledger_as_in_flight() {
    CarResult killedTwice = new CarResult(VIN, 100, 0, 102, List.of(), 2, List.of());
    assertTrue(killedTwice.clean());
    assertEquals(2, killedTwice.inFlight());
    assertEquals(0, killedTwice.duplicated());

    CarResult tooMany = new CarResult(VIN, 100, 0, 103, List.of(), 2, List.of());
    assertFalse(tooMany.clean());
    assertEquals(2, tooMany.inFlight());
    assertEquals(1, tooMany.duplicated(), "beyond one per kill is a duplicate");

    CarResult lost = new CarResult(VIN, 100, 0, 99, List.of(), 2, List.of());
    assertFalse(lost.clean(), "a kill never excuses a loss");
    assertEquals(1, lost.lost());
    assertEquals(0, lost.inFlight());
  }

  @Test
  void a_car_whose_process_exited_on_its_own_is_not_clean() {
    CarResult crashed = new CarResult(VIN, 100, 0, 100, List.of(), 0,
        List.of("its process exited with 5 on its own"));
    assertFalse(crashed.clean());
    assertEquals("its process exited with 5 on its own", RunReport.verdict(crashed));
  }

  @Test
  void a_car_that_recorded_nothing_or_had_samples_refused_proves_nothing() {
    CarResult silent = new CarResult(VIN, 0, 0, 0, List.of());
    assertFalse(silent.clean());
    assertEquals("recorded nothing", RunReport.verdict(silent));
    CarResult refused = new CarResult(VIN, 50, 2, 50, List.of());
    assertFalse(refused.clean());
    assertEquals("2 samples or events refused", RunReport.verdict(refused));
  }

  @Test
  void a_car_whose_twin_differs_in_its_dtcs_is_not_clean_and_says_how() {
    DtcCheck differs = new DtcCheck(2, 1, 1,
        List.of("open DTCs: the car's [P0562], the twin's []"));
    CarResult dtcs = new CarResult(VIN, 100, 0, 100, List.of(), 0, List.of(), differs);
    assertFalse(dtcs.clean());
    assertEquals("DTCs differ: open DTCs: the car's [P0562], the twin's []",
        RunReport.verdict(dtcs));
    CarResult both = new CarResult(VIN, 100, 0, 100, List.of("Vehicle.Speed"), 0, List.of(),
        differs);
    assertEquals("differs: Vehicle.Speed; DTCs differ: open DTCs: the car's [P0562], the twin's []",
        RunReport.verdict(both));
    assertTrue(new CarResult(VIN, 100, 0, 100, List.of(), 0, List.of(),
        new DtcCheck(2, 1, 1, List.of())).clean(), "matching DTCs");
  }
}
