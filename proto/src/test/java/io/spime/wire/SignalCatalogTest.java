package io.spime.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalCatalogTest {
  private static final String HEADER = "# a comment\n\nversion\t3\n";

  @Test
  void built_in_catalog_keeps_the_signals_in_use_exactly() {
    SignalCatalog catalog = SignalCatalog.builtIn();

    assertEquals(2, catalog.version());
    assertEquals(new SignalDefinition(1, "Vehicle.Speed", "float", Optional.of("km/h"), 0.1,
        DataCategory.DRIVING_BEHAVIOUR, Priority.NORMAL), catalog.require(1));
    assertEquals(new SignalDefinition(2, "Vehicle.TraveledDistance", "uint32", Optional.of("m"), 0,
        DataCategory.VEHICLE_HEALTH, Priority.NORMAL), catalog.require(2));
    assertEquals(new SignalDefinition(4, "Vehicle.CurrentLocation.Latitude", "double",
        Optional.of("degrees"), 0.000001, DataCategory.LOCATION, Priority.NORMAL), catalog.require(4));
    assertEquals(new SignalDefinition(12, "Vehicle.Powertrain.TractionBattery.Charging.IsCharging",
        "boolean", Optional.empty(), 0, DataCategory.USAGE, Priority.NORMAL), catalog.require(12));
    assertEquals(new SignalDefinition(13, "Vehicle.Powertrain.CombustionEngine.Speed", "float",
        Optional.of("rpm"), 1, DataCategory.DRIVING_BEHAVIOUR, Priority.LOW), catalog.require(13));
  }

  @Test
  void built_in_catalog_has_gapless_ids_and_unique_paths() {
    List<SignalDefinition> signals = new ArrayList<>(SignalCatalog.builtIn().signals());

    assertTrue(signals.size() >= 40, "only " + signals.size() + " signals");
    for (int i = 0; i < signals.size(); i++) {
      assertEquals(i + 1, signals.get(i).id());
      assertEquals(signals.get(i), SignalCatalog.builtIn().require(signals.get(i).path()));
    }
  }

  @Test
  void built_in_catalog_covers_every_consent_category() {
    for (DataCategory category : DataCategory.values()) {
      assertTrue(SignalCatalog.builtIn().signals().stream()
          .anyMatch(s -> s.category() == category), category + " has no signal");
    }
  }

  @Test
  void finds_signals_by_id_and_path_and_names_missing_ones() {
    SignalCatalog catalog = SignalCatalog.builtIn();

    assertEquals(Optional.of(catalog.require(1)), catalog.byPath("Vehicle.Speed"));
    assertEquals(Optional.empty(), catalog.byId(9999));
    assertEquals(Optional.empty(), catalog.byPath("Vehicle.Nope"));
    assertEquals("signal id 9999 is not in catalog v2",
        assertThrows(UnknownSignalException.class, () -> catalog.require(9999)).getMessage());
    assertEquals("signal 'Vehicle.Nope' is not in catalog v2",
        assertThrows(UnknownSignalException.class, () -> catalog.require("Vehicle.Nope"))
            .getMessage());
  }

  @Test
  void reads_a_catalog_file_with_comments_and_blank_lines() {
    SignalCatalog catalog = read(HEADER
        + "7\tVehicle.Speed\tfloat\tkm/h\t0.5\tDRIVING_BEHAVIOUR\tHIGH\n"
        + "# between\n"
        + "9\tVehicle.IsMoving\tboolean\t-\t0\tDRIVING_BEHAVIOUR\tLOW\n");

    assertEquals(3, catalog.version());
    assertEquals(2, catalog.signals().size());
    assertEquals(0.5, catalog.require(7).resolution());
    assertEquals(Priority.HIGH, catalog.require(7).priority());
    assertEquals(Optional.empty(), catalog.require(9).unit());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "too few columns | 5\tVehicle.Speed\tfloat\tkm/h\t0.1\tUSAGE | expected 7 tab-separated columns",
      "id not a number | x\tVehicle.Speed\tfloat\tkm/h\t0.1\tUSAGE\tLOW | id 'x' is not a whole number",
      "id zero | 0\tVehicle.Speed\tfloat\tkm/h\t0.1\tUSAGE\tLOW | signal id must be 1 or more",
      "path outside Vehicle | 5\tSpeed\tfloat\tkm/h\t0.1\tUSAGE\tLOW | must start with 'Vehicle.'",
      "unknown datatype | 5\tVehicle.Speed\tfloat32\tkm/h\t0.1\tUSAGE\tLOW | unsupported VSS datatype 'float32'",
      "array datatype | 5\tVehicle.X\tstring[]\t-\t0\tUSAGE\tLOW | unsupported VSS datatype 'string[]'",
      "negative resolution | 5\tVehicle.Speed\tfloat\tkm/h\t-1\tUSAGE\tLOW | must be 0 or a positive number",
      "NaN resolution | 5\tVehicle.Speed\tfloat\tkm/h\tNaN\tUSAGE\tLOW | must be 0 or a positive number",
      "boolean with resolution | 5\tVehicle.IsMoving\tboolean\t-\t1\tUSAGE\tLOW | cannot have a resolution",
      "unknown category | 5\tVehicle.Speed\tfloat\tkm/h\t0.1\tHOBBIES\tLOW | unknown consent category 'HOBBIES', expected one of [VEHICLE_HEALTH",
      "unknown priority | 5\tVehicle.Speed\tfloat\tkm/h\t0.1\tUSAGE\tURGENT | unknown priority 'URGENT'",
  })
  void names_the_line_of_a_bad_signal(String why, String line, String reason) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read(HEADER + "1\tVehicle.IsMoving\tboolean\t-\t0\tUSAGE\tLOW\n" + line + "\n"));

    assertTrue(e.getMessage().startsWith("signal catalog line 5 is invalid: "), e.getMessage());
    assertTrue(e.getMessage().contains(reason), why + ": " + e.getMessage());
  }

  @Test
  void names_the_line_of_a_bad_version() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> read("# c\nversion\tone\n"));

    assertTrue(e.getMessage().startsWith("signal catalog line 2 is invalid"), e.getMessage());
  }

  @Test
  void refuses_a_catalog_without_version_duplicate_ids_or_paths() {
    assertEquals("signal catalog has no 'version' line",
        assertThrows(IllegalArgumentException.class,
            () -> read("1\tVehicle.Speed\tfloat\tkm/h\t0.1\tUSAGE\tLOW\n")).getMessage());
    assertEquals("signal id 1 is used by both Vehicle.Speed and Vehicle.IsMoving",
        assertThrows(IllegalArgumentException.class, () -> read(HEADER
            + "1\tVehicle.Speed\tfloat\tkm/h\t0.1\tUSAGE\tLOW\n"
            + "1\tVehicle.IsMoving\tboolean\t-\t0\tUSAGE\tLOW\n")).getMessage());
    assertEquals("signal Vehicle.Speed is listed twice",
        assertThrows(IllegalArgumentException.class, () -> read(HEADER
            + "1\tVehicle.Speed\tfloat\tkm/h\t0.1\tUSAGE\tLOW\n"
            + "2\tVehicle.Speed\tfloat\tkm/h\t0.1\tUSAGE\tLOW\n")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> SignalCatalog.of(0, List.of()));
  }

  @Test
  void scaled_signals_are_integers_and_signals_with_a_resolution() {
    SignalCatalog catalog = SignalCatalog.builtIn();

    assertTrue(catalog.require(1).isScaled());
    assertEquals(0.1, catalog.require(1).scale());
    assertTrue(catalog.require(2).isScaled());
    assertEquals(1.0, catalog.require(2).scale());
    assertFalse(catalog.require(3).isScaled());
    assertFalse(Fixtures.catalogWithFullPrecision().require(2).isScaled());
  }

  private static SignalCatalog read(String text) {
    return SignalCatalog.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
