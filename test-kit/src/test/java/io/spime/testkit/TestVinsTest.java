package io.spime.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.wire.InvalidVinException;
import io.spime.wire.AssetId;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestVinsTest {
  @Test
  void a_numbered_vin_carries_its_number_and_a_valid_check_digit() {
    AssetId vin = TestVins.numbered(801);

    assertEquals("00000801", vin.value().substring(9));
    assertEquals(vin, AssetId.parse(vin.value()));
    assertEquals(vin, TestVins.numbered(801));
    assertEquals(TestVins.numbered(99_999_999).value().substring(9), "99999999");
  }

  @Test
  void refuses_numbers_that_do_not_fit_eight_digits() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TestVins.numbered(100_000_000));
    assertEquals("n must be 0 to 99999999, was 100000000", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TestVins.numbered(-1));
  }

  @Test
  void random_vins_are_valid_and_distinct() {
    Set<AssetId> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      AssetId vin = TestVins.random();
      assertEquals(vin, AssetId.parse(vin.value()));
      assertTrue(seen.add(vin), "drawn twice: " + vin);
    }
  }

  @Test
  void the_same_seed_draws_the_same_vins() {
    Random first = new Random(5);
    Random second = new Random(5);

    assertEquals(TestVins.random(first), TestVins.random(second));
    assertEquals(TestVins.random(first), TestVins.random(second));
  }

  @Test
  void puts_the_check_digit_into_a_draft() {
    assertEquals(AssetId.parse("1M8GDM9AXKP042788"), TestVins.withCheckDigit("1M8GDM9A0KP042788"));
    assertThrows(InvalidVinException.class, () -> TestVins.withCheckDigit("1M8GDM9A0KP04278"));
    assertThrows(InvalidVinException.class, () -> TestVins.withCheckDigit("IM8GDM9A0KP042788"));
  }
}
