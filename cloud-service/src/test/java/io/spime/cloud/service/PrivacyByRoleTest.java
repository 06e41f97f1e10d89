package io.spime.cloud.service;

import static io.spime.cloud.service.SeededFleet.ALICE;
import static io.spime.cloud.service.SeededFleet.ALICE_NOTE;
import static io.spime.cloud.service.SeededFleet.BOB;
import static io.spime.cloud.service.SeededFleet.BOB_NOTE;
import static io.spime.cloud.service.SeededFleet.INSURER;
import static io.spime.cloud.service.SeededFleet.LEASED;
import static io.spime.cloud.service.SeededFleet.LESSOR;
import static io.spime.cloud.service.SeededFleet.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each role against each kind of data: twin view, history, record, latest signals, fleet, customers, export. */
class PrivacyByRoleTest extends SeededCloudTest {
  private static final String[] PERSONAL = {ALICE.value(), BOB.value(), LESSOR.value(), ALICE_NOTE, BOB_NOTE};

  private static String lessor() {
    return cloud.token(LESSOR, Role.PARTNER);
  }

  private static String alice() {
    return cloud.token(ALICE, Role.CUSTOMER);
  }

  private static String bob() {
    return cloud.token(BOB, Role.CUSTOMER);
  }

  private static void assertNoPersonalData(String body) {
    for (String p : PERSONAL) {
      assertFalse(body.contains(p), "personal data '" + p + "' in " + body);
    }
  }

  @Test
  void the_twin_view_holds_no_personal_data_for_any_role() {
    for (String token : List.of(cloud.technical(), cloud.care(), lessor(), alice(), bob())) {
      Api.Answer a = cloud.api.get(CAR, token);
      assertEquals(200, a.status());
      assertNoPersonalData(a.text());
      assertEquals(4, a.json().path("custodyEpochs").size());
    }
  }

  @Test
  void every_roles_record_matches_the_published_schema() {
    for (String token : List.of(cloud.technical(), cloud.care(), lessor(), alice(), bob())) {
      Api.Answer record = cloud.api.get(CAR + "/record", token);
      assertEquals(200, record.status());
      OpenApiCheck.isSpimeRecord(record.json());
    }
  }

  @Test
  void technical_staff_get_no_personal_data_in_record_history_or_signals() {
    assertNoPersonalData(cloud.api.get(CAR + "/record", cloud.technical()).text());
    Api.Answer history = cloud.api.get(CAR + "/history", cloud.technical());
    assertNoPersonalData(history.text());
    assertTrue(withheldTypes(history.json()).contains("TouchpointRecorded"));
    JsonNode signals = cloud.api.get(CAR + "/signals/latest", cloud.technical()).json();
    assertEquals(List.of("VEHICLE_HEALTH"), categories(signals));
    assertEquals("[\"DRIVING_BEHAVIOUR\",\"LOCATION\"]", signals.path("withheldCategories").toString());
  }

  @Test
  void a_partner_never_party_to_the_car_gets_the_same_answer_as_for_a_car_that_does_not_exist() {
    String insurer = cloud.token(INSURER, Role.PARTNER);
    for (String suffix : List.of("", "/history", "/record", "/signals/latest")) {
      Api.Answer hidden = cloud.api.get(CAR + suffix, insurer);
      Api.Answer missing = cloud.api.get("/v1/twins/" + UNKNOWN.value() + suffix, insurer);
      assertEquals(404, hidden.status());
      assertEquals(404, missing.status());
      assertEquals(hidden.json().path("detail").asText().replace(LEASED.value(), "V"),
          missing.json().path("detail").asText().replace(UNKNOWN.value(), "V"));
    }
    assertEquals(0, cloud.api.get("/v1/fleet?phase=IN_SERVICE", insurer).json().path("vehicles").size());
  }

  @Test
  void the_lessor_sees_its_epochs_shared_with_it_and_only_the_categories_the_driver_consented_to() {
    String alice = share(ALICE, LESSOR);
    String bob = share(BOB, LESSOR);
    String record = cloud.api.get(CAR + "/record", lessor()).text();
    assertTrue(record.contains(ALICE_NOTE) && record.contains(BOB_NOTE), record);
    assertTrue(record.contains(alice) && record.contains(bob), "the lessees named by the lessor's ids: " + record);
    assertFalse(record.contains(ALICE.value()) || record.contains(BOB.value()), record);
    JsonNode signals = cloud.api.get(CAR + "/signals/latest", lessor()).json();
    assertEquals(List.of("LOCATION", "VEHICLE_HEALTH"), categories(signals));
    assertEquals("[\"DRIVING_BEHAVIOUR\"]", signals.path("withheldCategories").toString());
    assertEquals(1, cloud.api.get("/v1/fleet?phase=IN_SERVICE", lessor()).json().path("vehicles").size());
  }

  @Test
  void each_lessee_sees_their_own_epoch_and_not_the_others() {
    String aliceRecord = cloud.api.get(CAR + "/record", alice()).text();
    assertTrue(aliceRecord.contains(ALICE_NOTE));
    assertFalse(aliceRecord.contains(BOB_NOTE) || aliceRecord.contains(BOB.value()));
    String bobRecord = cloud.api.get(CAR + "/record", bob()).text();
    assertTrue(bobRecord.contains(BOB_NOTE));
    assertFalse(bobRecord.contains(ALICE_NOTE) || bobRecord.contains(ALICE.value()));
    String aliceHistory = cloud.api.get(CAR + "/history", alice()).text();
    assertTrue(aliceHistory.contains(ALICE_NOTE));
    assertFalse(aliceHistory.contains(BOB_NOTE));
    assertEquals(List.of("VEHICLE_HEALTH"), categories(cloud.api.get(CAR + "/signals/latest", alice()).json()));
    assertEquals(List.of("DRIVING_BEHAVIOUR", "LOCATION", "VEHICLE_HEALTH"),
        categories(cloud.api.get(CAR + "/signals/latest", bob()).json()));
    assertEquals(0, cloud.api.get("/v1/fleet?phase=IN_SERVICE", alice()).json().path("vehicles").size());
    assertEquals(1, cloud.api.get("/v1/fleet?phase=IN_SERVICE", bob()).json().path("vehicles").size());
  }

  @Test
  void customer_records_are_for_customer_care_and_the_customer_only() {
    assertEquals("Alice Example",
        cloud.api.get("/v1/customers/" + ALICE.value(), cloud.care()).json().path("profile").path("displayName").asText());
    assertEquals(200, cloud.api.get("/v1/customers/" + ALICE.value(), alice()).status());
    assertEquals(403, cloud.api.get("/v1/customers/" + ALICE.value(), bob()).status());
    assertEquals(403, cloud.api.get("/v1/customers/" + ALICE.value(), lessor()).status());
    assertEquals(403, cloud.api.get("/v1/customers/" + ALICE.value(), cloud.technical()).status());
    assertEquals(403, cloud.api.get("/v1/customers/nobody", bob()).status());
  }

  @Test
  void reads_of_personal_data_are_audited_and_in_the_customers_export() {
    share(BOB, LESSOR);
    cloud.api.get("/v1/customers/" + BOB.value(), cloud.care());
    cloud.api.get(CAR + "/record", lessor());
    Api.Answer export = cloud.api.get("/v1/me/export", bob());
    assertEquals(200, export.status());
    assertEquals(1, export.json().path("vehicles").size());
    List<String> readers = new ArrayList<>();
    export.json().path("auditTrail").forEach(e -> {
      assertEquals(BOB.value(), e.path("subject").asText());
      readers.add(e.path("reader").asText() + " " + e.path("basis").asText());
    });
    assertTrue(readers.contains("oem.care-1 customer care"), readers.toString());
    assertTrue(readers.stream().anyMatch(r -> r.startsWith("partner-lease custody epoch 4")), readers.toString());
    assertEquals(403, cloud.api.get("/v1/me/export", lessor()).status());
  }

  @Test
  void a_former_lessees_export_holds_the_car_they_leased_with_their_epoch_only() {
    Api.Answer export = cloud.api.get("/v1/me/export", alice());
    assertEquals(200, export.status());
    assertEquals(1, export.json().path("vehicles").size(), "the lease ended, the car stays in her export");
    String car = export.json().path("vehicles").get(0).toString();
    assertTrue(car.contains(ALICE_NOTE), car);
    assertFalse(car.contains(BOB_NOTE), car);
    assertFalse(car.contains(BOB.value()), car);
  }

  private static List<String> categories(JsonNode signals) {
    List<String> out = new ArrayList<>();
    signals.path("signals").forEach(s -> out.add(s.path("category").asText()));
    return out.stream().sorted().toList();
  }

  private static List<String> withheldTypes(JsonNode history) {
    List<String> out = new ArrayList<>();
    history.path("entries").forEach(e -> {
      if (e.has("withheld")) {
        out.add(e.path("type").asText());
      }
    });
    return out;
  }
}
