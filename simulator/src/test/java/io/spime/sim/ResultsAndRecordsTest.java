package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spime.sim.internal.car.VinFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run leaves for machines: its JSON result with the header and every figure, two results
 * compared, and a car's spime record exported from the run's store.
 */
class ResultsAndRecordsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void a_run_writes_its_result_as_json_and_two_results_compare_with_ratios() throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    CliRun first = CliRun.of("demo", "--vehicles", "2", "--duration", "3s", "--json", a.toString(),
        "--data-dir", dir.resolve("data-a").toString());
    CliRun second = CliRun.of("demo", "--vehicles", "4", "--duration", "3s", "--json", b.toString(),
        "--data-dir", dir.resolve("data-b").toString(), "--seed", "9");
    assertEquals(0, first.exitCode(), first.out() + first.err());
    assertEquals(0, second.exitCode(), second.out() + second.err());

    JsonNode result = JSON.readTree(a.toFile());
    assertEquals("OK", result.path("verdict").asText());
    JsonNode header = result.path("header");
    assertTrue(header.path("version").asText().matches("\\d+\\.\\d+\\.\\d+.*"), header.toString());
    assertTrue(header.path("commit").asText().matches("[0-9a-f]{40}"), header.toString());
    assertTrue(header.path("commandLine").asText().contains("demo --vehicles 2"), header.toString());
    assertEquals(1, header.path("seed").asLong());
    assertTrue(header.path("cores").asInt() > 0 && !header.path("host").asText().isEmpty()
        && header.path("jvm").asText().contains("17"), header.toString());
    Matcher total = Pattern.compile("\\ntotal\\s+(\\d+)\\s+(\\d+)").matcher(first.out());
    assertTrue(total.find(), first.out());
    JsonNode figures = result.path("figures");
    assertEquals(Long.parseLong(total.group(1)), figures.path("samples_accepted").asLong());
    assertEquals(Long.parseLong(total.group(2)), figures.path("samples_stored").asLong());
    for (String name : new String[] {"samples_lost", "samples_duplicated", "dtcs_set",
        "link_cuts", "broker_restarts", "agent_kills", "latency_p50_ms", "latency_p99_ms",
        "latency_samples", "ingest_batches_applied", "ingest_acks_sent", "drain_ms"}) {
      assertTrue(figures.path(name).isNumber(), name + " in " + figures);
    }
    assertTrue(first.out().contains("\nstarted ") && first.out().contains("cores"), first.out());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(a)));

    CliRun compare = CliRun.of("compare", a.toString(), b.toString());
    assertEquals(0, compare.exitCode(), compare.err());
    assertTrue(compare.out().matches("(?s).*\\ncars\\s+2\\s+4\\s+2\\.00x\\n.*"), compare.out());
    assertTrue(compare.out().matches("(?s).*\\nsamples_lost\\s+0\\s+0\\s+=\\n.*"), compare.out());
    assertTrue(compare.out().contains("seed 9: OK"), compare.out());

    Files.writeString(dir.resolve("bad.json"), "{\"figures\": ");
    CliRun bad = CliRun.of("compare", a.toString(), dir.resolve("bad.json").toString());
    assertEquals(ExitCodes.USAGE, bad.exitCode());
    assertTrue(bad.err().startsWith("spime-sim: " + dir.resolve("bad.json") + " is not JSON"),
        bad.err());
  }

  @Test
  void export_writes_a_cars_spime_record_from_the_runs_store() throws Exception {
    Path data = dir.resolve("data");
    assertEquals(0, CliRun.of("demo", "--vehicles", "1", "--duration", "2s", "--data-dir",
        data.toString()).exitCode());
    String vin = VinFactory.vin(1, 0).value();
    Path record = dir.resolve("out").resolve(vin + ".json");

    CliRun export = CliRun.of("export", vin, "--store", data.resolve("twins.db").toString(),
        "--out", record.toString());

    assertEquals(0, export.exitCode(), export.err());
    JsonNode spime = JSON.readTree(record.toFile());
    assertTrue(spime.findValuesAsText("vin").contains(vin), spime.toString());
    assertTrue(spime.toString().contains("PRODUCED"), "the back office registered it: " + spime);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(record)));
    CliRun unknown = CliRun.of("export", VinFactory.vin(2, 5).value(), "--store",
        data.resolve("twins.db").toString());
    assertEquals(ExitCodes.NO_SUCH_TWIN, unknown.exitCode(), unknown.out() + unknown.err());
  }
}
