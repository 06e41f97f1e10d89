package io.spime.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.twin.battery.BatteryFate;
import io.spime.twin.battery.RecoveredMaterial;
import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Term;
import io.spime.twin.customer.TouchpointKind;
import io.spime.twin.diagnostics.DtcSeverity;
import io.spime.twin.event.ConsentGranted;
import io.spime.twin.event.CustodyStarted;
import io.spime.twin.event.Dismantled;
import io.spime.twin.event.DtcRaised;
import io.spime.twin.event.ServiceVisited;
import io.spime.twin.event.TouchpointRecorded;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.exceptions.InvalidEventException;
import io.spime.twin.exceptions.UnknownValueException;
import io.spime.twin.identity.ComponentInstance;
import io.spime.twin.identity.ComponentReplacement;
import io.spime.wire.DataCategory;
import io.spime.wire.InvalidVinException;
import io.spime.wire.AssetId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TwinEventJsonTest {
  @Test
  void events_round_trip_through_json() {
    List<TwinEvent> events = List.of(
        Fixtures.produced(TestVins.numbered(1)),
        new DtcRaised("P0A80", DtcSeverity.WARNING, "imbalance"),
        new CustodyStarted(CustodyRole.LESSEE, PartyId.of("c-1"),
            Optional.of(new Term(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1), Optional.of(LocalDate.of(2025, 12, 1))))),
        new ServiceVisited("W", 10, List.of("oil"), List.of(new ComponentReplacement("inverter", "I-1",
            new ComponentInstance("inverter", "INV", "I-2", "S", Optional.empty()), "fault"))),
        new TouchpointRecorded(TouchpointKind.APP, Optional.empty(), "ok", Optional.of("note")),
        new ConsentGranted(PartyId.of("p"), DataCategory.LOCATION),
        new Dismantled("ATF", List.of(new RecoveredMaterial("steel", 1)), Optional.of(BatteryFate.RECYCLED)));
    for (TwinEvent e : events) {
      String json = TwinEventJson.write(e);
      assertTrue(json.contains("\"type\":\"" + e.getClass().getSimpleName() + "\""), json);
      assertEquals(e, TwinEventJson.parse(json));
    }
  }

  @Test
  void an_unknown_event_type_is_named() {
    UnknownValueException e = assertThrows(UnknownValueException.class,
        () -> TwinEventJson.parse("{\"type\":\"WarpDriveFitted\",\"speed\":9}"));
    assertTrue(e.getMessage().contains("WarpDriveFitted"), e.getMessage());
    assertTrue(e.getMessage().contains("DtcRaised"), e.getMessage());
  }

  @Test
  void an_unknown_enum_value_from_a_newer_producer_is_named_with_its_place() {
    UnknownValueException e = assertThrows(UnknownValueException.class,
        () -> TwinEventJson.parse("{\"type\":\"DtcRaised\",\"code\":\"P1\",\"severity\":\"CATASTROPHIC\",\"description\":\"x\"}"));
    assertTrue(e.getMessage().contains("CATASTROPHIC"), e.getMessage());
    assertTrue(e.getMessage().contains("DtcSeverity"), e.getMessage());
    assertTrue(e.getMessage().contains("severity"), e.getMessage());
  }

  @Test
  void an_invalid_vin_inside_an_event_is_refused_with_the_vin_error() {
    String json = TwinEventJson.write(Fixtures.produced(TestVins.numbered(1))).replace(TestVins.numbered(1).value(), "WVWZZZ1K0OOOO0001");
    InvalidEventException e = assertThrows(InvalidEventException.class, () -> TwinEventJson.parse(json));
    assertTrue(e.getMessage().contains("I, O and Q are not allowed"), e.getMessage());
  }

  @Test
  void a_missing_field_and_garbage_are_refused() {
    assertThrows(InvalidEventException.class, () -> TwinEventJson.parse("{\"type\":\"DtcCleared\"}"));
    assertThrows(InvalidEventException.class, () -> TwinEventJson.parse("not json"));
    assertThrows(InvalidEventException.class, () -> TwinEventJson.parse("{\"code\":\"P1\"}"));
  }

  @Test
  void vins_are_validated_with_check_digit_by_default() {
    assertThrows(InvalidVinException.class, () -> AssetId.parse("WVWZZZ1K0AP000001"));
    assertEquals("WVWZZZ1K0AP000001", AssetId.parseLenient("wvwzzz1k0ap000001").value());
  }
}
