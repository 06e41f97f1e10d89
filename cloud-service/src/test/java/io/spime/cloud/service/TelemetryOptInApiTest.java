package io.spime.cloud.service;

import static io.spime.cloud.service.SeededFleet.BOB;
import static io.spime.cloud.service.SeededFleet.LESSOR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A telemetry opt-in reaches the cars the customer holds: given, the car's desired consent grants the
 * category and a partner's reads show it; withdrawn, the car is told to stop sending it and the API
 * withholds it at once.
 */
class TelemetryOptInApiTest extends SeededCloudTest {
  private static final String DRIVING = "{\"purpose\":{\"kind\":\"TELEMETRY\",\"scope\":\"DRIVING_BEHAVIOUR\"},"
      + "\"recipient\":\"oem\",\"textVersion\":\"telemetry-2026-2\",\"channel\":\"APP\"}";
  private static final String WITHDRAW_DRIVING = "{\"purpose\":{\"kind\":\"TELEMETRY\",\"scope\":"
      + "\"DRIVING_BEHAVIOUR\"},\"recipient\":\"oem\",\"channel\":\"IN_CAR\"}";

  @Test
  void a_withdrawn_telemetry_opt_in_stops_the_category_at_the_car_and_in_the_api() {
    String bob = cloud.token(BOB, Role.CUSTOMER);
    String lessor = cloud.token(LESSOR, Role.PARTNER);
    String optIns = "/v1/customers/" + BOB.value() + "/optins";
    share(BOB, LESSOR);
    assertEquals("[\"DRIVING_BEHAVIOUR\"]", withheld(lessor), "Bob has not consented to driving behaviour");

    Api.Answer given = cloud.api.post(optIns, bob, DRIVING, Map.of());
    assertEquals(201, given.status(), given.text());
    assertEquals(1, given.json().path("carsUpdated").asInt(), "the one car Bob holds");
    assertEquals("granted", desiredConsent(lessor), "the car is told to send it");
    assertEquals("[]", withheld(lessor), "the lessor sees driving behaviour now");

    Api.Answer withdrawn = cloud.api.post(optIns + "/withdrawals", bob, WITHDRAW_DRIVING, Map.of());
    assertEquals(200, withdrawn.status(), withdrawn.text());
    assertEquals(1, withdrawn.json().path("carsUpdated").asInt());
    assertEquals("denied", desiredConsent(lessor), "the car is told to stop sending it");
    assertEquals("[\"DRIVING_BEHAVIOUR\"]", withheld(lessor), "the API withholds it at once");

    assertEquals(404, cloud.api.post(optIns + "/withdrawals", bob, WITHDRAW_DRIVING, Map.of()).status(),
        "nothing left to withdraw");
    Api.Answer assigned = assignDriver(cloud.care(), BOB);
    assertEquals(200, assigned.status(), assigned.text());
    assertEquals("denied", desiredConsent(lessor),
        "and does not grant the category again from his standing profile once he withdrew it");
  }

  private static String withheld(String token) {
    return cloud.api.get(CAR + "/signals/latest", token).json().path("withheldCategories").toString();
  }

  private static String desiredConsent(String token) {
    return cloud.api.get(CAR + "/state", token).json().path("desired").path("values")
        .path("consent.DRIVING_BEHAVIOUR").asText();
  }
}
