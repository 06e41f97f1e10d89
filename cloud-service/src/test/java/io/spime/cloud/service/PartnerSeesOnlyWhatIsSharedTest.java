package io.spime.cloud.service;

import static io.spime.cloud.service.SeededFleet.ALICE;
import static io.spime.cloud.service.SeededFleet.BOB;
import static io.spime.cloud.service.SeededFleet.BOB_NOTE;
import static io.spime.cloud.service.SeededFleet.INSURER;
import static io.spime.cloud.service.SeededFleet.LESSOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A partner addresses customers by its own pseudonyms only, is shown them by those pseudonyms only, and
 * sees the personal data of the custody epochs it held only while their customer shares with it.
 */
class PartnerSeesOnlyWhatIsSharedTest extends SeededCloudTest {

  private static final String CAROL_IN_BOBS_EPOCH = "carol asked to borrow the car";

  private static String lessor() {
    return cloud.token(LESSOR, Role.PARTNER);
  }

  @Test
  void a_master_id_or_another_partners_pseudonym_answers_as_an_unknown_pseudonym() {
    String lessor = lessor();
    String mine = share(ALICE, LESSOR);
    String insurers = share(ALICE, INSURER);
    Api.Answer unknown = cloud.api.get("/v1/partners/me/customers/pp-aaaaaaaaaaaaaaaaaaaaaaaaaa", lessor);
    assertEquals(404, unknown.status());
    for (String other : List.of(ALICE.value(), insurers)) {
      Api.Answer read = cloud.api.get("/v1/partners/me/customers/" + other, lessor);
      assertEquals(404, read.status(), read.text());
      assertEquals(unknown.json().path("detail"), read.json().path("detail"), "reads as unknown: " + other);
      for (String field : List.of("customer", "pseudonym")) {
        Api.Answer touchpoint = cloud.api.post(CAR + "/touchpoints", lessor, "{\"kind\":\"APP\",\"outcome\":\"x\",\""
            + field + "\":\"" + other + "\"}", Map.of("If-Match", etag(lessor)));
        assertEquals(404, touchpoint.status(), touchpoint.text());
        assertEquals(unknown.json().path("detail"), touchpoint.json().path("detail"));
        Api.Answer driver = cloud.api.send("PUT", CAR + "/driver", lessor, "{\"" + field + "\":\"" + other + "\"}",
            Map.of("If-Match", etag(lessor)));
        assertEquals(404, driver.status(), driver.text());
        assertEquals(unknown.json().path("detail"), driver.json().path("detail"));
      }
    }
    assertEquals(200, cloud.api.get("/v1/partners/me/customers/" + mine, lessor).status());
    Api.Answer recorded = cloud.api.post(CAR + "/touchpoints", lessor, "{\"kind\":\"APP\",\"outcome\":\"answered\","
        + "\"pseudonym\":\"" + mine + "\"}", Map.of("If-Match", etag(lessor)));
    assertEquals(201, recorded.status(), recorded.text());
    String history = cloud.api.get(CAR + "/history?limit=1000", lessor).text();
    assertTrue(history.contains(mine), "the partner's touchpoint names Alice by its pseudonym: " + history);
    assertFalse(history.contains(ALICE.value()), history);
  }

  @Test
  void personal_data_follows_the_sharing_opt_in_granted_read_withdrawn_read_again() {
    String lessor = lessor();
    String care = cloud.care();
    assertEquals(201, cloud.api.post(CAR + "/touchpoints", care, "{\"kind\":\"APP\",\"outcome\":\"asked for Alice\","
        + "\"customer\":\"" + ALICE.value() + "\"}", Map.of("If-Match", etag(care))).status());
    Api.Answer carols = cloud.api.post(CAR + "/touchpoints", care, "{\"kind\":\"APP\",\"outcome\":\"answered\","
        + "\"customer\":\"customer-carol\",\"note\":\"" + CAROL_IN_BOBS_EPOCH + "\"}", Map.of("If-Match", etag(care)));
    assertEquals(201, carols.status(), carols.text());
    String before = cloud.api.get(CAR + "/record", lessor).text();
    assertFalse(before.contains(BOB_NOTE) || before.contains(BOB.value()), "custody alone is not enough: " + before);
    assertTrue(cloud.api.get(CAR + "/history?limit=1000", lessor).text().contains("not shared with you"));
    assertTrue(cloud.api.get(CAR + "/signals/latest", lessor).json().path("withheldCategories").toString()
        .contains("LOCATION"), "Bob's location is his to share");

    String pseudonym = share(BOB, LESSOR);
    String shared = cloud.api.get(CAR + "/record", lessor).text();
    assertTrue(shared.contains(BOB_NOTE) && shared.contains(pseudonym), shared);
    assertFalse(shared.contains(BOB.value()) || shared.contains(ALICE.value()), "no master id: " + shared);
    assertFalse(shared.contains(CAROL_IN_BOBS_EPOCH) || shared.contains("customer-carol"),
        "Carol shares nothing, though Bob, whose epoch it is, does: " + shared);
    String history = cloud.api.get(CAR + "/history?limit=1000", lessor).text();
    assertTrue(history.contains(BOB_NOTE) && history.contains(pseudonym), history);
    assertFalse(history.contains(BOB.value()) || history.contains(ALICE.value()), history);
    assertFalse(cloud.api.get(CAR + "/signals/latest", lessor).json().path("withheldCategories").toString()
        .contains("LOCATION"));
    Api.Answer export = cloud.api.get("/v1/me/export", cloud.token(BOB, Role.CUSTOMER));
    assertTrue(export.text().contains("opt-in to sharing with " + LESSOR.value()), "the read's basis is audited");

    assertEquals(200, stopSharing(BOB, LESSOR).status());
    String after = cloud.api.get(CAR + "/record", lessor).text();
    assertFalse(after.contains(BOB_NOTE) || after.contains(pseudonym) || after.contains(BOB.value()), after);
    String historyAfter = cloud.api.get(CAR + "/history?limit=1000", lessor).text();
    assertFalse(historyAfter.contains(BOB_NOTE) || historyAfter.contains(pseudonym), historyAfter);
    assertTrue(cloud.api.get(CAR + "/signals/latest", lessor).json().path("withheldCategories").toString()
        .contains("LOCATION"), "withdrawn: withheld again at once");
  }
}
