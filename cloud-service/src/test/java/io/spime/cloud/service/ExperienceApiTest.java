package io.spime.cloud.service;

import static io.spime.cloud.service.SeededFleet.ALICE;
import static io.spime.cloud.service.SeededFleet.BOB;
import static io.spime.cloud.service.SeededFleet.BOB_COMPLAINT;
import static io.spime.cloud.service.SeededFleet.LEASED;
import static io.spime.cloud.service.SeededFleet.LESSOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The timeline and the renewals over HTTP: who may read them, what they hold, how they page. */
class ExperienceApiTest extends SeededCloudTest {
  private static final String BOBS_TIMELINE = "/v1/customers/" + BOB.value() + "/timeline";

  private static String bob() {
    return cloud.token(BOB, Role.CUSTOMER);
  }

  private static String alice() {
    return cloud.token(ALICE, Role.CUSTOMER);
  }

  @Test
  void customer_care_and_bob_read_bobs_timeline_newest_first_and_others_get_403() {
    for (String token : List.of(cloud.care(), bob())) {
      Api.Answer a = cloud.api.get(BOBS_TIMELINE, token);
      assertEquals(200, a.status(), a.text());
      JsonNode items = a.json().path("touchpoints");
      assertEquals(2, items.size(), a.text());
      assertEquals(BOB_COMPLAINT, items.get(0).path("id").asText(), "40 days ago, after the dealer visit 50 days ago");
      assertEquals("LEASE", items.get(0).path("agreement").path("kind").asText());
      assertFalse(items.get(0).path("outcome").path("answered").asBoolean());
      assertEquals("OWNERSHIP", items.get(1).path("phase").asText(), "a dealer visit event, its kind mapped to a phase");
      assertEquals(LEASED.value(), items.get(1).path("vin").asText());
      assertFalse(a.text().contains(SeededFleet.BOB_NOTE), "an event's free-text note is not in the timeline");
    }
    for (String token : List.of(cloud.technical(), cloud.token(LESSOR, Role.PARTNER), alice())) {
      assertEquals(403, cloud.api.get(BOBS_TIMELINE, token).status());
    }
  }

  @Test
  void the_timeline_pages_and_narrows_and_refuses_bad_parameters() {
    Api.Answer first = cloud.api.get(BOBS_TIMELINE + "?limit=1", cloud.care());
    assertEquals(1, first.json().path("touchpoints").size());
    String next = first.json().path("next").asText();
    Api.Answer second = cloud.api.get(BOBS_TIMELINE + "?limit=1&cursor=" + next, cloud.care());
    assertEquals(1, second.json().path("touchpoints").size());
    assertFalse(second.json().has("next"));
    assertEquals(400, cloud.api.get("/v1/customers/" + ALICE.value() + "/timeline?cursor=" + next, cloud.care()).status(),
        "a cursor of bob's timeline is not alice's");
    assertEquals(1, cloud.api.get(BOBS_TIMELINE + "?phase=SERVICE", cloud.care()).json().path("touchpoints").size());
    assertEquals(400, cloud.api.get(BOBS_TIMELINE + "?phase=GOSSIP", cloud.care()).status());
    assertEquals(400, cloud.api.get(BOBS_TIMELINE + "?from=yesterday", cloud.care()).status());
  }

  @Test
  void renewals_rank_bobs_lease_with_its_reason_for_customer_care_and_for_bob() {
    Api.Answer a = cloud.api.get("/v1/renewals?withinDays=30", cloud.care());
    assertEquals(200, a.status(), a.text());
    JsonNode renewals = a.json().path("renewals");
    assertEquals(1, renewals.size(), "only bob's lease falls due within 30 days: " + a.text());
    JsonNode bobs = renewals.get(0);
    assertEquals(BOB.value(), bobs.path("customer").asText());
    assertEquals(LocalDate.now(ZoneOffset.UTC).plusDays(20).toString(), bobs.path("due").asText());
    assertEquals(15, bobs.path("riskPoints").asInt());
    assertEquals("UNANSWERED_TOUCHPOINT", bobs.path("reasons").get(0).path("signal").asText());
    assertEquals(15, bobs.path("reasons").get(0).path("weight").asInt());
    assertEquals(bobs, cloud.api.get("/v1/renewals?withinDays=30", bob()).json().path("renewals").get(0));
    assertEquals(0, cloud.api.get("/v1/renewals?withinDays=30", alice()).json().path("renewals").size(),
        "alice sees only her own agreements, and she has none due");
    assertEquals(0, cloud.api.get("/v1/renewals?withinDays=10", cloud.care()).json().path("renewals").size());
  }

  @Test
  void renewals_are_refused_to_partners_and_the_technical_role_and_need_a_window() {
    assertEquals(403, cloud.api.get("/v1/renewals?withinDays=30", cloud.technical()).status());
    assertEquals(403, cloud.api.get("/v1/renewals?withinDays=30", cloud.token(LESSOR, Role.PARTNER)).status());
    List<Integer> bad = new ArrayList<>();
    for (String q : List.of("", "?withinDays=-1", "?withinDays=9999", "?withinDays=ten", "?withinDays=5&cursor=x")) {
      bad.add(cloud.api.get("/v1/renewals" + q, cloud.care()).status());
    }
    assertEquals(List.of(400, 400, 400, 400, 400), bad);
  }

  @Test
  void customer_care_records_and_replaces_a_touchpoint_and_no_one_else_may() {
    String path = "/v1/customers/customer-carol/touchpoints/carol-visit-1";
    String visit = "{\"phase\":\"SERVICE\",\"channel\":\"WORKSHOP\",\"start\":\"2030-01-02T08:00:00Z\","
        + "\"vin\":\"" + LEASED.value() + "\",\"agreement\":{\"kind\":\"LEASE\",\"reference\":\"LESSEE\"},"
        + "\"outcome\":{\"answered\":true,\"resolved\":false}";
    Api.Answer open = cloud.api.send("PUT", path, cloud.care(), visit + "}", Map.of());
    assertEquals(200, open.status(), open.text());
    assertFalse(open.json().has("end"));
    Api.Answer closed = cloud.api.send("PUT", path, cloud.care(),
        visit.replace("\"resolved\":false", "\"resolved\":true,\"satisfaction\":4") + ",\"end\":\"2030-01-05T17:00:00Z\"}",
        Map.of());
    assertEquals(200, closed.status(), closed.text());
    JsonNode timeline = cloud.api.get("/v1/customers/customer-carol/timeline", cloud.care()).json().path("touchpoints");
    assertEquals(1, timeline.size(), "replaced, not added");
    assertEquals("2030-01-05T17:00:00Z", timeline.get(0).path("end").asText());
    assertEquals(4, timeline.get(0).path("outcome").path("satisfaction").asInt());
    assertEquals(409, cloud.api.send("PUT", "/v1/customers/" + ALICE.value() + "/touchpoints/carol-visit-1",
        cloud.care(), visit + "}", Map.of()).status(), "the id is carol's");
    for (String token : List.of(cloud.technical(), cloud.token(LESSOR, Role.PARTNER), alice())) {
      assertEquals(403, cloud.api.send("PUT", path, token, visit + "}", Map.of()).status());
    }
    assertEquals(400, cloud.api.send("PUT", path, cloud.care(), visit.replace("SERVICE", "GOSSIP") + "}", Map.of())
        .status());
    assertEquals(400, cloud.api.send("PUT", path, cloud.care(), visit + ",\"end\":\"2029-01-01T00:00:00Z\"}", Map.of())
        .status(), "an end before the start");
    assertEquals(400, cloud.api.send("PUT", path, cloud.care(),
        visit.replace("\"resolved\":false", "\"resolved\":false,\"satisfaction\":9") + "}", Map.of()).status());
  }

  @Test
  void bobs_export_holds_his_timeline() {
    JsonNode export = cloud.api.get("/v1/me/export", bob()).json();
    assertEquals(cloud.api.get(BOBS_TIMELINE, bob()).json().path("touchpoints"), export.path("touchpoints"));
    assertEquals(2, export.path("touchpoints").size());
  }

  @Test
  void care_reading_the_renewals_is_in_bobs_audit_trail() {
    cloud.api.get("/v1/renewals?withinDays=30", cloud.care());
    List<String> what = new ArrayList<>();
    cloud.api.get("/v1/me/export", bob()).json().path("auditTrail").forEach(e -> what.add(e.path("what").asText()));
    assertTrue(what.contains("renewal and its experience signals"), what.toString());
  }
}
