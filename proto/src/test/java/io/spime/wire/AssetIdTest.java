package io.spime.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  @ParameterizedTest
  @ValueSource(strings = {"HIN-ABC12345D404", "HIN-US-ABC12345D404", "HIN-FR-BEN4R012J506",
      "HIN-XYZ00001L910"})
  void parses_iso_10087_hins_with_and_without_country(String text) {
    AssetId hin = AssetId.parse(text.toLowerCase());

    assertEquals(text, hin.value());
    assertEquals(IdScheme.HIN, hin.scheme());
    assertEquals(hin, AssetId.parseLenient(text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "HIN-ABC12345D40|has 11 characters after HIN-, expected 12, or 15 with a country prefix",
      "HIN-U1-ABC12345D404|starts with 'U1-': a country prefix is 2 letters (ISO 3166)",
      "HIN-AB112345D404|has manufacturer code 'AB1': expected 3 letters",
      "HIN-ABC12O45D404|has 'O' in serial '12O45': expected 5 of A-Z and 0-9 without I, O and Q",
      "HIN-ABC12345M404|has month of production 'M': expected A (January) to L (December)",
      "HIN-ABC12345DX04|has year of production 'X': expected a digit",
      "HIN-ABC12345D4A4|has model year 'A4': expected 2 digits",
      "HIN-ABC12345D407|has model year 07 for production year digit 4: the model year is the year"})
  void refuses_a_bad_hin_naming_the_scheme_and_the_fault(String text, String fault) {
    InvalidAssetIdException e =
        assertThrows(InvalidAssetIdException.class, () -> AssetId.parse(text));

    assertEquals(IdScheme.HIN, e.scheme());
    assertTrue(e.getMessage().startsWith("HIN '" + text + "' " + fault), e.getMessage());
  }

  @Test
  void a_hin_model_year_may_be_the_year_after_production_across_the_decade() {
    assertEquals(IdScheme.HIN, AssetId.parse("HIN-ABC12345K920").scheme());
  }

  @ParameterizedTest
  @ValueSource(strings = {"FRM-WTU12345", "FRM-00001", "FRM-GZ9A7B3C5D1E2F4G6H8J"})
  void parses_frame_numbers(String text) {
    AssetId frame = AssetId.parse(text.toLowerCase());

    assertEquals(text, frame.value());
    assertEquals(IdScheme.FRAME_NUMBER, frame.scheme());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "FRM-1234|has 4 characters after FRM-, expected 5 to 20",
      "FRM-GZ9A7B3C5D1E2F4G6H8JK|has 21 characters after FRM-, expected 5 to 20",
      "FRM-WTU/12345|has '/' at position 4 after FRM-: only A-Z and 0-9 are allowed",
      "FRM-WTU+12345|has '+' at position 4 after FRM-: only A-Z and 0-9 are allowed"})
  void refuses_a_bad_frame_number_naming_the_scheme_and_the_fault(String text, String fault) {
    InvalidAssetIdException e =
        assertThrows(InvalidAssetIdException.class, () -> AssetId.parse(text));

    assertEquals(IdScheme.FRAME_NUMBER, e.scheme());
    assertEquals("frame number '" + text + "' " + fault, e.getMessage());
  }

  @Test
  void a_vin_keeps_its_scheme_and_errors() {
    assertEquals(IdScheme.VIN, Fixtures.VIN.scheme());
    InvalidAssetIdException e =
        assertThrows(InvalidAssetIdException.class, () -> AssetId.parse("HIN12345D404"));
    assertEquals(IdScheme.VIN, e.scheme());
    assertTrue(e instanceof InvalidVinException);
  }

  @Test
  void each_kind_names_its_scheme_and_accepts_only_its_ids() {
    AssetId boat = AssetId.parse("HIN-ABC12345D404");
    AssetId bike = AssetId.parse("FRM-WTU12345");

    assertTrue(AssetKind.BOAT.accepts(boat));
    assertTrue(AssetKind.E_BIKE.accepts(bike) && AssetKind.BICYCLE.accepts(bike)
        && AssetKind.E_SCOOTER.accepts(bike));
    assertTrue(AssetKind.CAR.accepts(Fixtures.VIN) && AssetKind.TRAILER.accepts(Fixtures.VIN));
    assertFalse(AssetKind.CAR.accepts(boat) || AssetKind.BOAT.accepts(bike)
        || AssetKind.E_BIKE.accepts(Fixtures.VIN));
    assertEquals(AssetKind.E_SCOOTER, AssetKind.of("e-scooter"));
    assertEquals(AssetKind.E_BIKE, AssetKind.of("E_BIKE"));
    assertEquals("e-bike", AssetKind.E_BIKE.wireName());
    assertEquals("unknown asset kind 'tram', expected one of car, trailer, bicycle, e-bike,"
            + " e-scooter, boat",
        assertThrows(IllegalArgumentException.class, () -> AssetKind.of("tram")).getMessage());
  }
}
