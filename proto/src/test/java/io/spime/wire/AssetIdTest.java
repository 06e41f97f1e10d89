package io.spime.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetIdTest {
  @ParameterizedTest
  @ValueSource(strings = {"1M8GDM9AXKP042788", "1HGCM82633A004352", "JH4KA7561PC008269",
      "11111111111111111"})
  void parses_real_vins_with_valid_check_digits(String text) {
    AssetId vin = AssetId.parse(text);

    assertEquals(text, vin.value());
    assertEquals(text, vin.toString());
    assertEquals(text.charAt(8), AssetId.checkDigitOf(text));
  }

  @Test
  void computes_x_as_check_digit_for_remainder_ten() {
    assertEquals('X', AssetId.checkDigitOf("1M8GDM9A0KP042788"));
  }

  @Test
  void refuses_a_wrong_check_digit_naming_the_expected_one() {
    InvalidVinException e =
        assertThrows(InvalidVinException.class, () -> AssetId.parse("1M8GDM9A1KP042788"));

    assertEquals("VIN 1M8GDM9A1KP042788 has check digit '1' at position 9, expected 'X'",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(chars = {'I', 'O', 'Q'})
  void refuses_i_o_and_q_naming_the_position(char letter) {
    String text = "1M8GDM9AXKP0" + letter + "2788";

    InvalidVinException e = assertThrows(InvalidVinException.class, () -> AssetId.parseLenient(text));

    assertEquals("VIN '" + text + "' has '" + letter + "' at position 13: I, O and Q are not allowed",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1M8GDM9AXKP04278", "1M8GDM9AXKP0427881"})
  void refuses_a_wrong_length_naming_it(String text) {
    InvalidVinException e = assertThrows(InvalidVinException.class, () -> AssetId.parse(text));

    assertTrue(e.getMessage().contains("has " + text.length() + " characters, expected 17"),
        e.getMessage());
  }

  @Test
  void refuses_other_characters_and_null() {
    assertTrue(assertThrows(InvalidVinException.class, () -> AssetId.parse("1M8GDM9AXKP-42788"))
        .getMessage().contains("'-' at position 12: only A-Z and 0-9 are allowed"));
    assertThrows(InvalidVinException.class, () -> AssetId.parse("1M8GDM9AXKP\u00c442788"));
    assertEquals("VIN is missing",
        assertThrows(InvalidVinException.class, () -> AssetId.parse(null)).getMessage());
    assertEquals("VIN is missing",
        assertThrows(InvalidVinException.class, () -> AssetId.parseLenient(null)).getMessage());
  }

  @Test
  void upper_cases_and_strips_input_when_parsing() {
    assertEquals(Fixtures.VIN, AssetId.parse(" 1m8gdm9axkp042788\n"));
    assertEquals(Fixtures.VIN, AssetId.parseLenient("1m8gdm9axkp042788"));
  }

  @Test
  void constructor_takes_only_the_canonical_form() {
    assertThrows(InvalidVinException.class, () -> new AssetId("1m8gdm9axkp042788"));
    assertThrows(InvalidVinException.class, () -> new AssetId(" 1M8GDM9AXKP042788"));
    assertEquals(Fixtures.VIN, new AssetId("1M8GDM9AXKP042788"));
  }

  @Test
  void lenient_parse_accepts_vins_of_markets_without_check_digit() {
    AssetId european = AssetId.parseLenient("WVWZZZ1JZ3W386752");

    assertEquals("WVWZZZ1JZ3W386752", european.value());
    InvalidVinException e =
        assertThrows(InvalidVinException.class, () -> AssetId.parse("WVWZZZ1JZ3W386752"));
    assertTrue(e.getMessage().contains("expected '9'"), e.getMessage());
    assertThrows(InvalidVinException.class, () -> AssetId.parseLenient("WVWZZZ1JZ3W38675"));
  }
}
