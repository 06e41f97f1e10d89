package io.spime.cloud.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fleet queries with combined predicates, each one able to drop a car, and their parameters' errors. */
class FleetSearchTest extends SeededCloudTest {

  private static List<String> vins(String query) {
    Api.Answer a = cloud.api.get("/v1/fleet?" + query, cloud.technical());
    assertEquals(200, a.status(), a.text());
    List<String> out = new ArrayList<>();
    for (JsonNode v : a.json().path("vehicles")) {
      out.add(v.path("vin").asText());
    }
    return out;
  }

  @Test
  void predicates_combine_with_and() {
    String leased = SeededFleet.LEASED.value();
    String lease = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
    String sooner = LocalDate.now(ZoneOffset.UTC).plusDays(5).toString();
    assertEquals(List.of(leased), vins("phase=IN_SERVICE&make=Spime&model=Roadster&agreementEndingBefore=" + lease));
    assertEquals(List.of(), vins("phase=IN_SERVICE&make=Spime&model=Roadster&agreementEndingBefore=" + sooner));
    assertEquals(List.of(), vins("phase=IN_STOCK&make=Spime&model=Roadster&agreementEndingBefore=" + lease));
    assertEquals(List.of(), vins("phase=IN_SERVICE&make=Spime&model=Coupe"));
    assertEquals(2, vins("make=Spime&model=Roadster&modelYear=2025").size());
    assertEquals(List.of(SeededFleet.AT_PLANT.value()), vins("make=Spime&model=Roadster&phase=PRODUCED"));
    assertEquals(List.of(leased), vins("batteryBelow=95&phase=IN_SERVICE"));
    assertEquals(List.of(), vins("batteryBelow=90"));
  }

  @Test
  void pages_follow_the_cursor_and_a_cursor_of_another_search_is_refused() {
    Api.Answer first = cloud.api.get("/v1/fleet?make=Spime&model=Roadster&limit=1", cloud.technical());
    assertEquals(1, first.json().path("vehicles").size());
    String next = first.json().path("next").asText();
    Api.Answer second = cloud.api.get("/v1/fleet?make=Spime&model=Roadster&limit=1&cursor=" + next, cloud.technical());
    assertEquals(1, second.json().path("vehicles").size());
    Api.Answer wrong = cloud.api.get("/v1/fleet?phase=IN_SERVICE&cursor=" + next, cloud.technical());
    assertEquals(400, wrong.status());
    assertEquals("cursor", wrong.json().path("field").asText());
  }

  @Test
  void malformed_parameters_are_named() {
    for (String[] c : new String[][] {{"phase=FLYING", "phase"}, {"make=Spime", "model"},
        {"batteryBelow=lots", "batteryBelow"}, {"agreementEndingBefore=soon", "agreementEndingBefore"},
        {"online=maybe", "online"}, {"phase=IN_SERVICE&limit=5000", "limit"}, {"", "phase"}}) {
      Api.Answer a = cloud.api.get("/v1/fleet?" + c[0], cloud.technical());
      assertEquals(400, a.status(), c[0]);
      assertEquals(c[1], a.json().path("field").asText(), c[0]);
    }
  }
}
