package io.spime.twin.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spime.twin.Twin;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.AssetId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The getting-started example runs, does what docs/getting-started.md says, and is the code shown there. */
class GettingStartedTest {
  private static final Path EXAMPLE = Path.of("src/test/java/io/spime/twin/example/GettingStarted.java");
  private static final Path DOC = Path.of("../docs/getting-started.md");

  @TempDir Path dir;

  @Test
  void the_example_writes_a_cars_life_and_exports_it_for_its_owner() throws Exception {
    JsonNode record = new ObjectMapper().readTree(GettingStarted.run(dir));

    assertEquals("1M8GDM9AXKP042788", record.get("vin").asText());
    assertEquals("party customer-alice", record.get("viewer").asText());
    assertEquals("ZWI", record.get("production").get("plant").asText());
    assertEquals("IN_SERVICE", record.get("lifecycle").get("phase").asText());
    assertEquals(List.of("PRODUCED", "IN_TRANSIT", "IN_STOCK", "IN_SERVICE"),
        texts(record.get("lifecycle").get("history"), "to"));
    assertEquals("workshop-17", record.get("service").get(0).get("workshop").asText());
    assertTrue(record.get("custody").toString().contains("customer-alice"), record.get("custody").toString());

    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"))) {
      AssetId vin = AssetId.parse("1M8GDM9AXKP042788");
      Twin atDealer = store.asOf(vin, Instant.parse("2025-03-20T00:00:00Z")).orElseThrow();
      assertEquals(LifecyclePhase.IN_STOCK, atDealer.phase().orElseThrow());
      assertEquals(6, store.twin(vin).orElseThrow().revision());
    }
  }

  @Test
  void the_guide_shows_the_example_exactly_as_it_is_compiled() throws Exception {
    String code = Files.readString(EXAMPLE);
    String doc = Files.readString(DOC);
    String block = javaBlockStartingWith(doc, "package io.spime.twin.example;");
    assertEquals(code.strip(), block.strip(),
        "docs/getting-started.md must show " + EXAMPLE + " verbatim; copy the file into its java block");
  }

  private static String javaBlockStartingWith(String markdown, String firstLine) {
    int start = markdown.indexOf("```java\n" + firstLine);
    assertTrue(start >= 0, "no ```java block starting with '" + firstLine + "' in " + DOC);
    int from = start + "```java\n".length();
    int end = markdown.indexOf("\n```", from);
    assertTrue(end > from, "the java block in " + DOC + " is not closed");
    return markdown.substring(from, end);
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }
}
