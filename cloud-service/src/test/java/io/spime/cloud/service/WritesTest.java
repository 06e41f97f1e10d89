package io.spime.cloud.service;

import static io.spime.cloud.service.SeededFleet.ALICE;
import static io.spime.cloud.service.SeededFleet.BOB;
import static io.spime.cloud.service.SeededFleet.LESSOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Consent and commands: If-Match with the revision, 428/412, who may write, problem details naming the field. */
class WritesTest extends SeededCloudTest {

  @Test
  void the_data_subject_grants_consent_at_the_revision_it_read() {
    String bob = cloud.token(BOB, Role.CUSTOMER);
    String tag = etag(bob);
    String body = "{\"category\":\"DRIVING_BEHAVIOUR\",\"granted\":true}";
    Api.Answer ok = cloud.api.post(CAR + "/consents", bob, body, Map.of("If-Match", tag));
    assertEquals(200, ok.status());
    assertFalse(ok.header("ETag").orElseThrow().equals(tag));
    Api.Answer stale = cloud.api.post(CAR + "/consents", bob, body, Map.of("If-Match", tag));
    assertEquals(412, stale.status());
    assertEquals("If-Match", stale.json().path("field").asText());
    Api.Answer missing = cloud.api.post(CAR + "/consents", bob, body, Map.of());
    assertEquals(428, missing.status());
    String lessor = cloud.token(LESSOR, Role.PARTNER);
    share(BOB, LESSOR);
    assertEquals("[]", cloud.api.get(CAR + "/signals/latest", lessor).json().path("withheldCategories").toString(),
        "the lessor sees driving behaviour once the driver consented to it");
  }

  @Test
  void only_the_current_data_subject_or_customer_care_may_change_consent() {
    String body = "{\"category\":\"USAGE\",\"granted\":true}";
    String alice = cloud.token(ALICE, Role.CUSTOMER);
    assertEquals(403, cloud.api.post(CAR + "/consents", alice, body, Map.of("If-Match", etag(alice))).status());
    assertEquals(403, cloud.api.post(CAR + "/consents", cloud.technical(), body,
        Map.of("If-Match", etag(cloud.technical()))).status());
    assertEquals(200, cloud.api.post(CAR + "/consents", cloud.care(), body, Map.of("If-Match", etag(cloud.care())))
        .status());
  }

  @Test
  void a_malformed_write_is_a_400_naming_the_field() {
    String bob = cloud.token(BOB, Role.CUSTOMER);
    Api.Answer badCategory = cloud.api.post(CAR + "/consents", bob, "{\"category\":\"DNA\",\"granted\":true}",
        Map.of("If-Match", etag(bob)));
    assertEquals(400, badCategory.status());
    assertEquals("category", badCategory.json().path("field").asText());
    Api.Answer notJson = cloud.api.post(CAR + "/consents", bob, "{", Map.of("If-Match", etag(bob)));
    assertEquals("body", notJson.json().path("field").asText());
    Api.Answer badVin = cloud.api.get("/v1/twins/NOT-A-VIN", bob);
    assertEquals(400, badVin.status());
    assertEquals("vin", badVin.json().path("field").asText());
    Api.Answer badLimit = cloud.api.get(CAR + "/history?limit=0", bob);
    assertEquals("limit", badLimit.json().path("field").asText());
    Api.Answer badCursor = cloud.api.get(CAR + "/history?cursor=xyz", bob);
    assertEquals("cursor", badCursor.json().path("field").asText());
  }

  @Test
  void technical_staff_send_commands_at_a_revision() {
    String tech = cloud.technical();
    String body = "{\"kind\":\"SEND_SNAPSHOT\",\"ttlSeconds\":300}";
    Api.Answer sent = cloud.api.post(CAR + "/commands", tech, body, Map.of("If-Match", etag(tech)));
    assertEquals(202, sent.status());
    assertFalse(sent.json().path("commandId").asText().isEmpty());
    assertEquals(412, cloud.api.post(CAR + "/commands", tech, body, Map.of("If-Match", "\"1\"")).status());
    assertEquals(403, cloud.api.post(CAR + "/commands", cloud.token(LESSOR, Role.PARTNER), body,
        Map.of("If-Match", etag(tech))).status());
    Api.Answer badTtl = cloud.api.post(CAR + "/commands", tech, "{\"kind\":\"SEND_SNAPSHOT\",\"ttlSeconds\":0}",
        Map.of("If-Match", etag(tech)));
    assertEquals("ttlSeconds", badTtl.json().path("field").asText());
    Api.Answer badKind = cloud.api.post(CAR + "/commands", tech, "{\"kind\":\"SELF_DESTRUCT\",\"ttlSeconds\":60}",
        Map.of("If-Match", etag(tech)));
    assertEquals(400, badKind.status());
    assertEquals("kind", badKind.json().path("field").asText());
  }

  @Test
  void technical_staff_have_the_car_apply_its_desired_profile_without_seeing_it() {
    String tech = cloud.technical();
    Api.Answer sent = cloud.api.post(CAR + "/commands", tech, "{\"kind\":\"APPLY_PROFILE\",\"ttlSeconds\":300}",
        Map.of("If-Match", etag(tech)));
    assertEquals(202, sent.status(), sent.text());
    Api.Answer command = cloud.api.get(CAR + "/commands/" + sent.json().path("commandId").asText(), tech);
    assertEquals(200, command.status(), command.text());
    assertEquals("APPLY_PROFILE", command.json().path("kind").asText());
    assertEquals("OPEN", command.json().path("status").asText(), "the car is not connected in this test");
    assertFalse(command.text().contains("seat"), "no profile values in the answer: " + command.text());
    Api.Answer unknownCar = cloud.api.post("/v1/twins/" + SeededFleet.UNKNOWN.value() + "/commands", tech,
        "{\"kind\":\"APPLY_PROFILE\",\"ttlSeconds\":300}", Map.of("If-Match", "\"1\""));
    assertEquals(404, unknownCar.status(), unknownCar.text());
  }

  @Test
  void history_pages_follow_an_opaque_cursor_to_the_end() {
    String tech = cloud.technical();
    long revision = cloud.api.get(CAR, tech).json().path("revision").asLong();
    long seen = 0;
    String next = CAR + "/history?limit=3";
    while (next != null) {
      Api.Answer page = cloud.api.get(next, tech);
      seen += page.json().path("entries").size();
      next = page.json().has("next") ? CAR + "/history?limit=3&cursor=" + page.json().path("next").asText() : null;
    }
    assertEquals(revision, seen);
  }
}
