package io.spime.cloud.service;

import static io.spime.cloud.service.SeededFleet.ALICE;
import static io.spime.cloud.service.SeededFleet.BOB;
import static io.spime.cloud.service.SeededFleet.CAROL;
import static io.spime.cloud.service.SeededFleet.LEASED;
import static io.spime.cloud.service.SeededFleet.LESSOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.spime.twin.custody.PartyId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Outreach lists over the API: only customers with an active opt-in to the purpose are listed, a
 * withdrawal drops them at once, and every customer listed is audited.
 */
class OutreachApiTest extends SeededCloudTest {

  private static Api.Answer optIn(PartyId customer, String kind, String scope, boolean withdraw) {
    String body = "{\"purpose\":{\"kind\":\"" + kind + "\",\"scope\":\"" + scope + "\"},\"recipient\":\"oem\","
        + "\"textVersion\":\"outreach-1\",\"channel\":\"APP\"}";
    return cloud.api.post("/v1/customers/" + customer.value() + "/optins" + (withdraw ? "/withdrawals" : ""),
        cloud.token(customer, Role.CUSTOMER), body, Map.of());
  }

  private static List<String> customers(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.path("contacts").forEach(c -> out.add(c.path("customer").asText()));
    return out;
  }

  @Test
  void service_reminders_go_to_opted_in_customers_whose_vehicle_is_due() {
    String reminders = "/v1/outreach/service-reminders?dueWithin=";
    assertEquals(List.of(), customers(cloud.api.get(reminders + "P366D", cloud.care()).json()), "nobody opted in");
    assertEquals(201, optIn(BOB, "SERVICE_REMINDERS", "all", false).status());
    assertEquals(201, optIn(ALICE, "SERVICE_REMINDERS", "all", false).status());

    Api.Answer due = cloud.api.get(reminders + "P330D", cloud.care());
    assertEquals(200, due.status(), due.text());
    assertEquals(List.of(BOB.value()), customers(due.json()), "Alice holds no car now: " + due.text());
    JsonNode car = due.json().path("contacts").get(0).path("vehicles").get(0);
    assertEquals(LEASED.value(), car.path("vin").asText());
    LocalDate visit = LocalDate.parse(car.path("lastService").asText());
    assertEquals(visit.plusYears(1).toString(), car.path("due").asText(), "a year after the last workshop visit");
    assertTrue(visit.isAfter(LocalDate.now(ZoneOffset.UTC).minusDays(60)), car.toString());
    assertEquals("Bob Example", due.json().path("contacts").get(0).path("displayName").asText());
    assertEquals(List.of(), customers(cloud.api.get(reminders + "P30D", cloud.care()).json()), "not due within 30 days");

    assertEquals(200, optIn(BOB, "SERVICE_REMINDERS", "all", true).status());
    assertEquals(List.of(), customers(cloud.api.get(reminders + "P330D", cloud.care()).json()), "withdrawn: dropped");
    String export = cloud.api.get("/v1/me/export", cloud.token(BOB, Role.CUSTOMER)).text();
    assertTrue(export.contains("service reminder list") && export.contains("opt-in to service reminders"), export);
  }

  @Test
  void marketing_goes_to_customers_opted_in_to_that_channel_paged() {
    assertEquals(201, optIn(ALICE, "MARKETING", "EMAIL", false).status());
    assertEquals(201, optIn(CAROL, "MARKETING", "EMAIL", false).status());
    assertEquals(201, optIn(BOB, "MARKETING", "PHONE", false).status());

    Api.Answer first = cloud.api.get("/v1/outreach/marketing?channel=EMAIL&limit=1", cloud.care());
    assertEquals(200, first.status(), first.text());
    assertEquals(List.of(ALICE.value()), customers(first.json()));
    String next = first.json().path("next").asText();
    Api.Answer second = cloud.api.get("/v1/outreach/marketing?channel=EMAIL&limit=1&cursor=" + next, cloud.care());
    assertEquals(List.of(CAROL.value()), customers(second.json()));
    assertFalse(second.json().has("next"), second.text());
    assertEquals(List.of(BOB.value()), customers(cloud.api.get("/v1/outreach/marketing?channel=PHONE", cloud.care())
        .json()));
    Api.Answer otherList = cloud.api.get("/v1/outreach/marketing?channel=PHONE&cursor=" + next, cloud.care());
    assertEquals("cursor", otherList.json().path("field").asText(), "a cursor of the EMAIL list");

    assertEquals(200, optIn(CAROL, "MARKETING", "EMAIL", true).status());
    assertEquals(List.of(ALICE.value()), customers(cloud.api.get("/v1/outreach/marketing?channel=EMAIL",
        cloud.care()).json()), "Carol withdrew: dropped at once");
    assertTrue(cloud.api.get("/v1/me/export", cloud.token(ALICE, Role.CUSTOMER)).text()
        .contains("marketing list, EMAIL"), "the listing is in Alice's audit trail");
  }

  @Test
  void outreach_is_customer_cares_and_bad_input_names_its_field() {
    for (String token : List.of(cloud.technical(), cloud.token(LESSOR, Role.PARTNER), cloud.token(BOB, Role.CUSTOMER))) {
      assertEquals(403, cloud.api.get("/v1/outreach/marketing?channel=EMAIL", token).status());
      assertEquals(403, cloud.api.get("/v1/outreach/service-reminders?dueWithin=P30D", token).status());
    }
    List<String> fields = new ArrayList<>();
    for (String path : List.of("/v1/outreach/service-reminders", "/v1/outreach/service-reminders?dueWithin=30",
        "/v1/outreach/service-reminders?dueWithin=P2Y", "/v1/outreach/marketing", "/v1/outreach/marketing?channel=FAX")) {
      Api.Answer bad = cloud.api.get(path, cloud.care());
      assertEquals(400, bad.status(), bad.text());
      fields.add(bad.json().path("field").asText());
    }
    assertEquals(List.of("dueWithin", "dueWithin", "dueWithin", "channel", "channel"), fields);
  }
}
