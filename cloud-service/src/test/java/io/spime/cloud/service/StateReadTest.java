package io.spime.cloud.service;

import static io.spime.cloud.service.SeededFleet.ALICE;
import static io.spime.cloud.service.SeededFleet.INSURER;
import static io.spime.cloud.service.SeededFleet.LESSOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/twins/{vin}/state}: the desired and reported state, personal entries only for the entitled. */
class StateReadTest extends SeededCloudTest {
  @Test
  void the_party_holding_the_car_sees_the_drivers_profile_and_technical_staff_do_not() {
    String lessor = cloud.token(LESSOR, Role.PARTNER);
    Api.Answer assigned = assignDriverByPseudonym(lessor, share(ALICE, LESSOR));
    assertEquals(200, assigned.status(), assigned.text());

    Api.Answer held = cloud.api.get(CAR + "/state", lessor);
    assertEquals(200, held.status(), held.text());
    assertFalse(held.json().path("withheld").asBoolean(), held.text());
    List<String> heldKeys = keys(held.json().path("desired").path("values"));
    assertTrue(heldKeys.stream().anyMatch(k -> k.startsWith("profile.")), "the driver's profile: " + heldKeys);
    assertEquals(assigned.json().path("desiredVersion").asLong(), held.json().path("desired").path("version").asLong());
    Api.Answer export = cloud.api.get("/v1/me/export", cloud.token(ALICE, Role.CUSTOMER));
    assertTrue(export.text().contains("desired and reported state"), "the read is in the driver's audit trail");

    Api.Answer staff = cloud.api.get(CAR + "/state", cloud.technical());
    assertEquals(200, staff.status(), staff.text());
    assertTrue(staff.json().path("withheld").asBoolean(), staff.text());
    List<String> staffKeys = keys(staff.json().path("desired").path("values"));
    staffKeys.addAll(keys(staff.json().path("reported").path("values")));
    staffKeys.addAll(keys(staff.json().path("delta")));
    assertTrue(staffKeys.stream().allMatch(k -> k.startsWith("policy.") || k.equals("executed_commands")),
        "technical staff see no personal entry: " + staffKeys);
    assertFalse(staff.text().contains("profile."), staff.text());
    assertEquals(staff.json().path("desired").path("version"), held.json().path("desired").path("version"));
  }

  @Test
  void a_car_outside_the_callers_custody_is_not_found_and_a_call_without_a_token_is_unauthorized() {
    assertEquals(404, cloud.api.get(CAR + "/state", cloud.token(INSURER, Role.PARTNER)).status());
    assertEquals(401, cloud.api.get(CAR + "/state", null).status());
  }

  private static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
