package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.custody.PartyId;
import io.spime.twin.experience.Channel;
import io.spime.twin.experience.JourneyPhase;
import io.spime.twin.experience.TimelineQuery;
import io.spime.twin.experience.Touchpoint;
import io.spime.twin.fleet.PageRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code renewal} scenario end to end: a small leased fleet drives as real agents through an
 * embedded broker into a SQLite store while three years of leases are played back-dated; the customers
 * seeded with bad experiences come out exactly on top of the store's renewal ranking, with reasons.
 */
class RenewalScenarioTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void the_customers_seeded_with_bad_experiences_rank_at_the_top_and_the_run_passes() throws Exception {
    Path json = dir.resolve("result.json");
    Path report = dir.resolve("report.html");
    CliRun run = CliRun.of("run", "--scenario", "renewal", "--vehicles", "15", "--duration", "8s", "--seed", "41",
        "--data-dir", dir.resolve("data").toString(), "--json", json.toString(), "--report", report.toString());

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("renewals: the 2 seeded customers rank #1 to #2 of the 15 leases due"), run.out());
    assertTrue(run.out().contains("result: OK"), run.out());

    JsonNode renewals = JSON.readTree(json.toFile()).path("renewals");
    assertTrue(renewals.path("passed").asBoolean(), renewals.toString());
    assertEquals(15, renewals.path("ranked").asInt());
    List<String> seeded = new ArrayList<>();
    renewals.path("seeded").forEach(s -> seeded.add(s.asText()));
    assertEquals(2, seeded.size(), "a tenth of 15 cars, rounded: two");
    JsonNode top = renewals.path("top");
    assertEquals(15, top.size());
    assertEquals(Set.copyOf(seeded), Set.of(top.get(0).path("customer").asText(), top.get(1).path("customer").asText()));
    for (int i = 0; i < 2; i++) {
      assertTrue(top.get(i).path("seeded").asBoolean());
      Set<String> signals = new HashSet<>();
      List<String> longOpen = new ArrayList<>();
      top.get(i).path("reasons").forEach(r -> {
        signals.add(r.path("signal").asText());
        if (r.path("signal").asText().equals("LONG_OPEN_DTC")) {
          r.path("details").forEach(d -> longOpen.add(d.asText()));
        }
      });
      assertEquals(Set.of("REPEATED_DTC", "LONG_OPEN_DTC", "DAYS_OFF_ROAD", "DAYS_IN_WORKSHOP",
          "UNANSWERED_TOUCHPOINT", "UNRESOLVED_TOUCHPOINT", "LOW_SATISFACTION"), signals, top.get(i).toString());
      assertEquals(1, longOpen.size(), top.get(i).toString());
      assertTrue(longOpen.get(0).matches("P0C78 open (3[5-9]|4\\d|5[0-6]) days"), "the reason names the code: " + longOpen);
    }
    for (int i = 2; i < top.size(); i++) {
      assertTrue(top.get(i).path("points").asLong() < top.get(1).path("points").asLong(), top.toString());
      assertFalse(top.get(i).path("seeded").asBoolean(), top.toString());
    }

    Document page = Jsoup.parse(report.toFile(), "UTF-8");
    assertTrue(page.select("h2").eachText().contains("Renewals"));
    assertEquals(16, page.select("table.renewals tr").size(), "a heading and the 15 leases");
    assertEquals("seeded", page.select("table.renewals tr").get(1).select("td").get(5).text());
    assertTrue(page.select("table.renewals tr").get(1).text().contains("long open dtc 1 x 8 = 8 (P0C78 open"),
        page.select("table.renewals tr").get(1).text());

    try (TwinStore store = TwinStores.open(dir.resolve("data").resolve("twins.db").toString())) {
      List<Touchpoint> timeline = store.timeline(TimelineQuery.of(PartyId.of(seeded.get(0))), PageRequest.first(100))
          .touchpoints();
      assertEquals(2, timeline.stream().filter(t -> t.phase() == JourneyPhase.SERVICE
          && t.channel() == Channel.EMAIL && !t.outcome().answered()).count(), "two unanswered complaints");
      assertEquals(2, timeline.stream().filter(t -> t.channel() == Channel.WORKSHOP && t.id().endsWith(":stay")
          && t.end().orElseThrow().isAfter(t.start().plusSeconds(5 * 86_400))).count(),
          "two workshop stays of six days or more, each with its start and end");
    }
  }
}
