package io.spime.cloud.service;

import static io.spime.cloud.service.SeededFleet.ALICE;
import static io.spime.cloud.service.SeededFleet.BOB;
import static io.spime.cloud.service.SeededFleet.INSURER;
import static io.spime.cloud.service.SeededFleet.LESSOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Daily rollups, a command's status, touchpoints and driver assignment over the API. */
class CarDataAndCustodyTest extends SeededCloudTest {

  @Test
  void rollups_of_technical_signals_only() {
    Api.Answer soh = cloud.api.get(CAR + "/rollups/7", cloud.technical());
    assertEquals(200, soh.status());
    assertEquals(1, soh.json().path("days").size());
    assertEquals(93.2, soh.json().path("days").get(0).path("mean").asDouble(), 1e-6);
    Api.Answer location = cloud.api.get(CAR + "/rollups/4", cloud.token(BOB, Role.CUSTOMER));
    assertEquals(400, location.status());
    assertEquals("signalId", location.json().path("field").asText());
    assertEquals(404, cloud.api.get(CAR + "/rollups/7", cloud.token(INSURER, Role.PARTNER)).status());
  }

  @Test
  void a_sent_command_is_open_until_the_car_answers() {
    String tech = cloud.technical();
    Api.Answer sent = cloud.api.post(CAR + "/commands", tech, "{\"kind\":\"FLUSH_NOW\",\"ttlSeconds\":60}",
        Map.of("If-Match", etag(tech)));
    String id = sent.json().path("commandId").asText();
    Api.Answer status = cloud.api.get(CAR + "/commands/" + id, tech);
    assertEquals(200, status.status());
    assertEquals("OPEN", status.json().path("status").asText());
    assertEquals(404, cloud.api.get(CAR + "/commands/no-such-command", tech).status());
  }

  @Test
  void customer_care_and_the_partner_holding_the_car_record_touchpoints() {
    String body = "{\"kind\":\"APP\",\"outcome\":\"callback arranged\",\"customer\":\"" + BOB.value()
        + "\",\"note\":\"prefers mornings\"}";
    assertEquals(201, cloud.api.post(CAR + "/touchpoints", cloud.care(), body, Map.of("If-Match", etag(cloud.care())))
        .status());
    String lessor = cloud.token(LESSOR, Role.PARTNER);
    String byPseudonym = "{\"kind\":\"APP\",\"outcome\":\"called back\",\"pseudonym\":\"" + share(BOB, LESSOR) + "\"}";
    assertEquals(201, cloud.api.post(CAR + "/touchpoints", lessor, byPseudonym, Map.of("If-Match", etag(lessor)))
        .status());
    String bob = cloud.token(BOB, Role.CUSTOMER);
    assertEquals(403, cloud.api.post(CAR + "/touchpoints", bob, body, Map.of("If-Match", etag(bob))).status());
    assertTrue(cloud.api.get(CAR + "/record", bob).text().contains("prefers mornings"));
    Api.Answer bad = cloud.api.post(CAR + "/touchpoints", cloud.care(), "{\"kind\":\"FAX\",\"outcome\":\"x\"}",
        Map.of("If-Match", etag(cloud.care())));
    assertEquals("kind", bad.json().path("field").asText());
  }

  @Test
  void the_lessor_assigns_and_ends_a_driver() {
    String lessor = cloud.token(LESSOR, Role.PARTNER);
    Api.Answer assigned = assignDriverByPseudonym(lessor, share(ALICE, LESSOR));
    assertEquals(200, assigned.status(), assigned.text());
    assertTrue(assigned.json().path("desiredVersion").asLong() > 0);
    Api.Answer unknown = cloud.api.send("PUT", CAR + "/driver", cloud.care(), "{\"customer\":\"customer-nobody\"}",
        Map.of("If-Match", etag(cloud.care())));
    assertEquals(409, unknown.status());
    assertEquals("customer", unknown.json().path("field").asText());
    assertEquals(200, cloud.api.send("DELETE", CAR + "/driver", lessor, null, Map.of("If-Match", etag(lessor))).status());
    String alice = cloud.token(ALICE, Role.CUSTOMER);
    assertEquals(403, cloud.api.send("PUT", CAR + "/driver", alice, "{\"customer\":\"" + ALICE.value() + "\"}",
        Map.of("If-Match", etag(alice))).status());
  }

  @Test
  void technical_staff_set_the_collection_policy_as_desired_state() {
    String tech = cloud.technical();
    String policy = "{\"version\":2,\"rules\":{\"1\":{\"mode\":\"PERIODIC\",\"minIntervalMillis\":1000},"
        + "\"4\":{\"mode\":\"OFF\"}}}";
    Api.Answer set = cloud.api.send("PUT", CAR + "/desired/policy", tech, policy, Map.of("If-Match", etag(tech)));
    assertEquals(200, set.status(), set.text());
    assertTrue(set.json().path("desiredVersion").asLong() > 0);
    Api.Answer unknownSignal = cloud.api.send("PUT", CAR + "/desired/policy", tech,
        "{\"version\":3,\"rules\":{\"9999\":{\"mode\":\"OFF\"}}}", Map.of("If-Match", etag(tech)));
    assertEquals("rules.9999", unknownSignal.json().path("field").asText());
    Api.Answer badMode = cloud.api.send("PUT", CAR + "/desired/policy", tech,
        "{\"version\":3,\"rules\":{\"1\":{\"mode\":\"SOMETIMES\"}}}", Map.of("If-Match", etag(tech)));
    assertEquals("rules.1.mode", badMode.json().path("field").asText());
    String lessor = cloud.token(LESSOR, Role.PARTNER);
    assertEquals(403, cloud.api.send("PUT", CAR + "/desired/policy", lessor, policy, Map.of("If-Match", etag(lessor)))
        .status());
  }
}
