package io.spime.cloud.service;

import static io.spime.cloud.service.SeededFleet.BOB;
import static io.spime.cloud.service.SeededFleet.CAROL;
import static io.spime.cloud.service.SeededFleet.INSURER;
import static io.spime.cloud.service.SeededFleet.LESSOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Opt-ins with a purpose and partner pseudonyms over the API, with real tokens of the development
 * issuer: a partner reads a customer and assigns her as driver by its own id only within her opt-in, and
 * her withdrawal stops both at once.
 */
class PartnerOptInApiTest extends SeededCloudTest {
  private static final String SHARE_WITH_LESSOR = "{\"purpose\":{\"kind\":\"PARTNER_SHARING\",\"scope\":\""
      + LESSOR.value() + "\"},\"textVersion\":\"share-2026-1\",\"channel\":\"APP\"}";
  private static final String WITHDRAW_LESSOR = "{\"purpose\":{\"kind\":\"PARTNER_SHARING\",\"scope\":\""
      + LESSOR.value() + "\"},\"channel\":\"WEB\"}";

  @Test
  void a_partner_never_resolves_a_customer_it_has_no_consent_for() {
    String bob = cloud.token(BOB, Role.CUSTOMER);
    Api.Answer given = cloud.api.post("/v1/customers/" + BOB.value() + "/optins", bob, SHARE_WITH_LESSOR, Map.of());
    assertEquals(201, given.status(), given.text());
    String pseudonym = given.json().path("pseudonym").asText();
    assertFalse(pseudonym.contains(BOB.value()));

    Api.Answer lessor = cloud.api.get("/v1/partners/me/customers/" + pseudonym, cloud.token(LESSOR, Role.PARTNER));
    assertEquals(200, lessor.status(), lessor.text());
    assertEquals("Bob Example", lessor.json().path("displayName").asText());

    Api.Answer insurer = cloud.api.get("/v1/partners/me/customers/" + pseudonym, cloud.token(INSURER, Role.PARTNER));
    Api.Answer unknown = cloud.api.get("/v1/partners/me/customers/pp-aaaaaaaaaaaaaaaaaaaaaaaaaa",
        cloud.token(INSURER, Role.PARTNER));
    assertEquals(404, insurer.status(), insurer.text());
    assertEquals(404, unknown.status());
    assertEquals(unknown.json().path("detail"), insurer.json().path("detail"),
        "another partner's pseudonym reads as one that does not exist");
    Api.Answer masterId = cloud.api.get("/v1/partners/me/customers/" + BOB.value(), cloud.token(LESSOR, Role.PARTNER));
    assertEquals(404, masterId.status());
    assertEquals(unknown.json().path("detail"), masterId.json().path("detail"),
        "a master customer id reads as an unknown pseudonym");
    assertEquals(403, cloud.api.get("/v1/partners/me/customers/" + pseudonym, cloud.care()).status());

    Api.Answer export = cloud.api.get("/v1/me/export", bob);
    assertTrue(export.text().contains("customer profile by pseudonym"), "the partner's read is in Bob's audit trail");
    assertEquals("share-2026-1", export.json().path("optIns").get(0).path("textVersion").asText());
  }

  @Test
  void a_withdrawn_opt_in_stops_the_data_and_the_profile_at_once() {
    String care = cloud.care();
    String lessorToken = cloud.token(LESSOR, Role.PARTNER);
    share(BOB, LESSOR);
    Api.Answer given = cloud.api.post("/v1/customers/" + CAROL.value() + "/optins", care, SHARE_WITH_LESSOR, Map.of());
    assertEquals(201, given.status(), given.text());
    String pseudonym = given.json().path("pseudonym").asText();
    assertEquals(pseudonym, cloud.api.post("/v1/customers/" + CAROL.value() + "/optins", care, SHARE_WITH_LESSOR,
        Map.of()).json().path("pseudonym").asText(), "the partner's id of Carol is stable");

    Api.Answer assigned = cloud.api.send("PUT", CAR + "/driver", lessorToken, "{\"pseudonym\":\"" + pseudonym + "\"}",
        Map.of("If-Match", etag(lessorToken)));
    assertEquals(200, assigned.status(), assigned.text());
    JsonNode desired = cloud.api.get(CAR + "/state", lessorToken).json().path("desired").path("values");
    assertEquals("70.0", desired.path("profile.seatHeightPercent").asText(), "Carol's profile roams to the car");
    assertEquals(pseudonym, desired.path("profile.customer").asText(), "named by the partner's id, not her own");

    Api.Answer withdrawn = cloud.api.post("/v1/customers/" + CAROL.value() + "/optins/withdrawals",
        cloud.token(CAROL, Role.CUSTOMER), WITHDRAW_LESSOR, Map.of());
    assertEquals(200, withdrawn.status(), withdrawn.text());
    assertEquals(1, withdrawn.json().path("driverAssignmentsEnded").asInt());
    assertEquals("WEB", withdrawn.json().path("withdrawal").path("channel").asText());

    assertEquals(404, cloud.api.get("/v1/partners/me/customers/" + pseudonym, lessorToken).status(),
        "the partner's next read is refused");
    JsonNode after = cloud.api.get(CAR + "/state", lessorToken).json().path("desired").path("values");
    assertEquals("", after.path("profile.customer").asText(), "the car is back to its neutral profile");
    assertEquals("50.0", after.path("profile.seatHeightPercent").asText());
    Api.Answer again = cloud.api.send("PUT", CAR + "/driver", lessorToken, "{\"pseudonym\":\"" + pseudonym + "\"}",
        Map.of("If-Match", etag(lessorToken)));
    assertEquals(404, again.status(), "no consent: the partner cannot assign her again");
    assertEquals(404, cloud.api.post("/v1/customers/" + CAROL.value() + "/optins/withdrawals", care, WITHDRAW_LESSOR,
        Map.of()).status(), "nothing left to withdraw");

    Api.Answer optIns = cloud.api.get("/v1/customers/" + CAROL.value() + "/optins", care);
    assertEquals(200, optIns.status(), optIns.text());
    assertEquals(2, optIns.json().path("history").size(), "both grants stay in the history");
    assertEquals(0, optIns.json().path("current").size());
    assertTrue(optIns.json().path("history").get(1).has("withdrawal"));
  }

  @Test
  void opt_ins_are_the_customers_and_customer_cares_and_bad_input_names_its_field() {
    String carol = cloud.token(CAROL, Role.CUSTOMER);
    String path = "/v1/customers/" + CAROL.value() + "/optins";
    Api.Answer marketing = cloud.api.post(path, carol, "{\"purpose\":{\"kind\":\"MARKETING\",\"scope\":\"EMAIL\"},"
        + "\"recipient\":\"oem\",\"textVersion\":\"mkt-3\",\"channel\":\"WEB\"}", Map.of());
    assertEquals(201, marketing.status(), marketing.text());
    assertFalse(marketing.json().has("pseudonym"));
    assertEquals(403, cloud.api.post("/v1/customers/" + BOB.value() + "/optins", carol, SHARE_WITH_LESSOR, Map.of())
        .status(), "not for another customer");
    assertEquals(403, cloud.api.get(path, cloud.token(LESSOR, Role.PARTNER)).status());
    List<String> fields = new ArrayList<>();
    for (String body : List.of("{\"purpose\":{\"kind\":\"TELEMETRY\",\"scope\":\"EVERYTHING\"},\"recipient\":\"oem\","
            + "\"textVersion\":\"t-1\",\"channel\":\"APP\"}",
        "{\"purpose\":{\"kind\":\"SPAM\",\"scope\":\"x\"},\"textVersion\":\"t-1\",\"channel\":\"APP\"}",
        "{\"purpose\":{\"kind\":\"SERVICE_REMINDERS\",\"scope\":\"all\"},\"recipient\":\"oem\",\"textVersion\":\"t 1\","
            + "\"channel\":\"APP\"}",
        "{\"purpose\":{\"kind\":\"PARTNER_SHARING\",\"scope\":\"partner-x\"},\"recipient\":\"partner-y\","
            + "\"textVersion\":\"t-1\",\"channel\":\"APP\"}",
        "{\"purpose\":{\"kind\":\"SERVICE_REMINDERS\",\"scope\":\"all\"},\"recipient\":\"oem\",\"textVersion\":\"t-1\","
            + "\"channel\":\"PIGEON\"}")) {
      Api.Answer bad = cloud.api.post(path, carol, body, Map.of());
      assertEquals(400, bad.status(), bad.text());
      fields.add(bad.json().path("field").asText());
    }
    assertEquals(List.of("purpose.scope", "purpose.kind", "textVersion", "recipient", "channel"), fields);
    Api.Answer byCare = cloud.api.send("PUT", CAR + "/driver", cloud.care(),
        "{\"pseudonym\":\"pp-aaaaaaaaaaaaaaaaaaaaaaaaaa\"}", Map.of("If-Match", etag(cloud.care())));
    assertEquals(400, byCare.status());
    assertNotEquals("", byCare.json().path("detail").asText());
  }
}
