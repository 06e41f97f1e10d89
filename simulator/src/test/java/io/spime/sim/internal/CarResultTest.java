package io.spime.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.wire.Vin;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarResultTest {
  private static final Vin VIN = Vin.parse("1M8GDM9AXKP042788");

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
  void a_car_that_recorded_nothing_or_had_samples_refused_proves_nothing() {
    CarResult silent = new CarResult(VIN, 0, 0, 0, List.of());
    assertFalse(silent.clean());
    assertEquals("recorded nothing", RunReport.verdict(silent));
    CarResult refused = new CarResult(VIN, 50, 2, 50, List.of());
    assertFalse(refused.clean());
    assertEquals("2 samples refused", RunReport.verdict(refused));
  }
}
