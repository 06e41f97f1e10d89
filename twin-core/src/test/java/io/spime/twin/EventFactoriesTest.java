package io.spime.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spime.twin.battery.BatteryFate;
import io.spime.twin.battery.RecoveredMaterial;
import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Term;
import io.spime.twin.customer.Interaction;
import io.spime.twin.customer.TouchpointKind;
import io.spime.twin.diagnostics.UpdateOutcome;
import io.spime.twin.event.CustodyStarted;
import io.spime.twin.event.Dismantled;
import io.spime.twin.event.SoftwareUpdated;
import io.spime.twin.event.TouchpointRecorded;
import io.spime.twin.identity.ComponentInstance;
import io.spime.twin.identity.MaterialContent;
import io.spime.twin.identity.ProductionRecord;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The factories and withers give the records their canonical constructors would, optional parts included. */
class EventFactoriesTest {
  private static final PartyId ALICE = PartyId.of("alice");
  private static final AssetId VIN = AssetId.parse("1M8GDM9AXKP042788");
  private static final Term TERM = Term.of(LocalDate.parse("2025-01-01"), LocalDate.parse("2028-01-01"));

  @Test
  void custody_factories_name_their_role_and_a_lease_carries_its_term() {
    assertEquals(new CustodyStarted(CustodyRole.OWNER, ALICE, Optional.empty()), CustodyStarted.owner(ALICE));
    assertEquals(new CustodyStarted(CustodyRole.KEEPER, ALICE, Optional.empty()), CustodyStarted.keeper(ALICE));
    assertEquals(new CustodyStarted(CustodyRole.FLEET, ALICE, Optional.empty()), CustodyStarted.fleet(ALICE));
    assertEquals(new CustodyStarted(CustodyRole.DRIVER, ALICE, Optional.empty()), CustodyStarted.driver(ALICE));
    assertEquals(new CustodyStarted(CustodyRole.LESSEE, ALICE, Optional.of(TERM)), CustodyStarted.lessee(ALICE, TERM));
    assertThrows(NullPointerException.class, () -> CustodyStarted.lessee(ALICE, null));
  }

  @Test
  void withers_add_one_optional_part_and_keep_the_rest() {
    assertEquals(new SoftwareUpdated("ecu", "2.0", UpdateOutcome.SUCCEEDED, Optional.of("c-7")),
        SoftwareUpdated.of("ecu", "2.0", UpdateOutcome.SUCCEEDED).inCampaign("c-7"));
    assertEquals(new TouchpointRecorded(TouchpointKind.SUPPORT, Optional.of(ALICE), "resolved", Optional.of("note")),
        TouchpointRecorded.of(TouchpointKind.SUPPORT, "resolved").withNote("note").withCustomer(ALICE));
    List<RecoveredMaterial> steel = List.of(new RecoveredMaterial("steel", 900));
    assertEquals(new Dismantled("atf-1", steel, Optional.of(BatteryFate.SECOND_LIFE)),
        Dismantled.of("atf-1", steel).withBatteryFate(BatteryFate.SECOND_LIFE));
    assertEquals(Optional.of(LocalDate.parse("2027-10-01")), TERM.withRenewal(LocalDate.parse("2027-10-01")).renewal());
    Instant at = Instant.parse("2025-05-01T10:00:00Z");
    assertEquals(Optional.of(VIN), Interaction.of(at, "app", "asked about charging").about(VIN).vin());
    assertEquals(Optional.of("4.2"), ComponentInstance.of("battery", "BP", "SN", "cellco").withFirmware("4.2").firmware());
  }

  @Test
  void the_production_builder_collects_parts_and_refuses_two_in_one_slot() {
    Instant built = Instant.parse("2025-03-01T06:00:00Z");
    ProductionRecord record = ProductionRecord.builder("ZWI", built)
        .component(ComponentInstance.of("battery", "BP", "SN-1", "cellco"))
        .material(new MaterialContent("aluminium", 180, 0.3))
        .embodiedCarbonKgCo2e(8_100)
        .build();
    assertEquals(new ProductionRecord("ZWI", built, List.of(ComponentInstance.of("battery", "BP", "SN-1", "cellco")),
        List.of(new MaterialContent("aluminium", 180, 0.3)), 8_100), record);
    ProductionRecord.Builder twice = ProductionRecord.builder("ZWI", built)
        .component(ComponentInstance.of("battery", "BP", "SN-1", "cellco"))
        .component(ComponentInstance.of("battery", "BP", "SN-2", "cellco"));
    assertThrows(IllegalArgumentException.class, twice::build);
    assertThrows(IllegalArgumentException.class, () -> ProductionRecord.builder(" ", built));
    assertThrows(IllegalArgumentException.class, () -> ProductionRecord.builder("ZWI", built).embodiedCarbonKgCo2e(-1));
  }
}
