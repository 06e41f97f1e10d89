package io.spime.twin;

import static io.spime.twin.Fixtures.DEALER;
import static io.spime.twin.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spime.testkit.TestVins;
import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Term;
import io.spime.twin.custody.Viewer;
import io.spime.twin.event.CommandCompleted;
import io.spime.twin.event.CommandIssued;
import io.spime.twin.event.ConsentGranted;
import io.spime.twin.event.CustodyEnded;
import io.spime.twin.event.CustodyStarted;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.exceptions.InvalidEventException;
import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.internal.json.TwinJson;
import io.spime.twin.state.CommandState;
import io.spime.twin.state.CommandStatus;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandsAndDriverTest extends StoreContract {
  private TwinStore store;
  private final AssetId vin = TestVins.numbered(700);
  private long revision;
  private Instant next = T0.plusSeconds(3600);

  @BeforeEach
  void open() {
    store = stores.open();
    revision = store.append(vin, 0, Fixtures.deliveredCar(vin)).revision();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Twin append(TwinEvent... events) {
    revision = store.append(vin, revision, Fixtures.timeline(next, DEALER, events)).revision();
    next = next.plusSeconds(3600);
    return store.twin(vin).orElseThrow();
  }

  private static CommandIssued lock(String id, Instant expiresAt) {
    return new CommandIssued(id, "lock", expiresAt, Map.of("doors", "all"));
  }

  @Test
  void an_issued_command_is_open_until_it_completes() {
    Instant expires = next.plusSeconds(600);
    Twin issued = append(lock("cmd-1", expires));
    assertEquals(Map.of("cmd-1", new CommandState("cmd-1", "lock", next.minusSeconds(3600), expires,
        Map.of("doors", "all"))), issued.commands());
    Twin done = append(new CommandCompleted("cmd-1", CommandStatus.APPLIED, "locked"));
    assertTrue(done.commands().isEmpty(), done.commands().toString());
    assertEquals(issued.commands(), store.atRevision(vin, issued.revision()).orElseThrow().commands());
    List<JournalEntry> history = store.history(vin, issued.revision() - 1, 10);
    assertEquals(List.of(CommandIssued.class, CommandCompleted.class),
        history.stream().map(e -> e.event().getClass()).toList());
  }

  @Test
  void completing_an_unknown_command_is_recorded_and_changes_no_open_command() {
    append(lock("cmd-open", next.plusSeconds(600)));
    Twin after = append(new CommandCompleted("issued-elsewhere", CommandStatus.REJECTED, ""));
    assertEquals(Set.of("cmd-open"), after.commands().keySet());
    assertEquals(revision, after.revision());
  }

  @Test
  void an_open_command_id_cannot_be_issued_again_and_a_command_must_expire_after_it_is_issued() {
    append(lock("cmd-1", next.plusSeconds(600)));
    InvalidEventException twice = assertThrows(InvalidEventException.class,
        () -> append(lock("cmd-1", next.plusSeconds(600))));
    assertTrue(twice.getMessage().contains("open already"), twice.getMessage());
    InvalidEventException expired = assertThrows(InvalidEventException.class,
        () -> append(lock("cmd-2", next.minusSeconds(1))));
    assertTrue(expired.getMessage().contains("expires"), expired.getMessage());
    assertThrows(IllegalArgumentException.class, () -> lock("x".repeat(129), next));
    assertThrows(IllegalArgumentException.class, () -> new CommandCompleted(" ", CommandStatus.FAILED, ""));
  }

  @Test
  void command_events_and_a_twin_with_open_commands_round_trip_through_json() {
    CommandIssued issued = new CommandIssued("c-9", "start_climate", T0, Map.of("celsius", "21"));
    CommandCompleted completed = new CommandCompleted("c-9", CommandStatus.EXPIRED, "car asleep");
    for (TwinEvent e : List.of(issued, completed)) {
      String json = TwinEventJson.write(e);
      assertTrue(json.contains("\"type\":\"" + e.getClass().getSimpleName() + "\""), json);
      assertEquals(e, TwinEventJson.parse(json));
    }
    Twin twin = append(lock("cmd-1", next.plusSeconds(600)));
    assertEquals(twin, TwinJson.read(TwinJson.write(twin), Twin.class, "twin"));
  }

  @Test
  void a_twin_stored_before_commands_existed_reads_with_no_open_commands() {
    Twin twin = store.twin(vin).orElseThrow();
    ObjectNode old = TwinJson.mapper().valueToTree(twin);
    old.remove("commands");
    Twin read = TwinJson.read(old.toString(), Twin.class, "old twin");
    assertEquals(Map.of(), read.commands());
    assertEquals(twin, read);
  }

  @Test
  void the_export_lists_open_commands_and_every_command_event() {
    append(lock("cmd-1", next.plusSeconds(600)), new CommandCompleted("cmd-1", CommandStatus.APPLIED, "ok"),
        lock("cmd-2", next.plusSeconds(6000)));
    String record = store.export(vin, Viewer.technical());
    assertTrue(record.contains("\"open\" : [ {"), record);
    assertTrue(record.contains("\"cmd-2\""), record);
    assertTrue(record.contains("\"CommandCompleted\""), record);
  }

  @Test
  void a_driver_holds_custody_like_the_other_roles_and_is_the_data_subject() {
    PartyId owner = PartyId.of("owner-1");
    PartyId lessee = PartyId.of("lessee-1");
    PartyId driver = PartyId.of("driver-1");
    Twin owned = append(Fixtures.owner("owner-1"));
    assertEquals(Optional.of(owner), owned.dataSubject());
    Twin leased = append(new CustodyStarted(CustodyRole.LESSEE, lessee,
        Optional.of(new Term(LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1), Optional.empty()))));
    assertEquals(Optional.of(lessee), leased.dataSubject());
    Twin driven = append(new CustodyStarted(CustodyRole.DRIVER, driver, Optional.empty()));
    assertEquals(Optional.of(driver), driven.dataSubject());
    assertEquals(3, driven.currentEpoch().orElseThrow().holders().size());
    Twin otherDriver = append(new CustodyStarted(CustodyRole.DRIVER, PartyId.of("driver-2"), Optional.empty()));
    assertEquals(PartyId.of("driver-2"), otherDriver.currentEpoch().orElseThrow().holders().get(CustodyRole.DRIVER).party());
    assertEquals(1, store.fleet(new FleetQuery.InCustodyOf(PartyId.of("driver-2")), PageRequest.first(10)).vehicles().size());
    assertEquals(0, store.fleet(new FleetQuery.InCustodyOf(driver), PageRequest.first(10)).vehicles().size());
    Twin returned = append(new CustodyEnded(CustodyRole.DRIVER, "rental returned"));
    assertEquals(Optional.of(lessee), returned.dataSubject());
    assertFalse(returned.currentEpoch().orElseThrow().holders().containsKey(CustodyRole.DRIVER));
  }

  @Test
  void consented_categories_are_vehicle_health_and_what_the_data_subject_consents_to() {
    assertEquals(Set.of(DataCategory.VEHICLE_HEALTH), store.twin(vin).orElseThrow().consentedCategories());
    append(Fixtures.owner("owner-1"), new ConsentGranted(PartyId.of("owner-1"), DataCategory.LOCATION),
        new ConsentGranted(PartyId.of("driver-1"), DataCategory.USAGE));
    Twin owned = store.twin(vin).orElseThrow();
    assertEquals(Set.of(DataCategory.VEHICLE_HEALTH, DataCategory.LOCATION), owned.consentedCategories());
    Twin driven = append(new CustodyStarted(CustodyRole.DRIVER, PartyId.of("driver-1"), Optional.empty()));
    assertEquals(Set.of(DataCategory.VEHICLE_HEALTH, DataCategory.USAGE), driven.consentedCategories());
  }

  @Test
  void the_drivers_epoch_is_personal_data_of_the_driver_in_the_export() {
    append(Fixtures.owner("owner-1"), new CustodyStarted(CustodyRole.DRIVER, PartyId.of("driver-1"), Optional.empty()),
        new CustodyEnded(CustodyRole.DRIVER, "returned"));
    String driverView = store.export(vin, Viewer.party(PartyId.of("driver-1")));
    assertTrue(driverView.contains("\"party\" : \"driver-1\""), driverView);
    String technical = store.export(vin, Viewer.technical());
    assertFalse(technical.contains("driver-1"), technical);
    assertTrue(technical.contains("\"DRIVER\""), technical);
  }
}
