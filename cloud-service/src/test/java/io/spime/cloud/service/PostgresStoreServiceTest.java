package io.spime.cloud.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestPostgres;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spime-cloud on a PostgreSQL twin store named by {@code SPIME_CLOUD_STORE_URL}. */
class PostgresStoreServiceTest {
  @TempDir Path dir;

  @Test
  void serves_twins_from_a_postgresql_store_given_by_its_url() throws Exception {
    Assumptions.assumeTrue(TestPostgres.unavailable().isEmpty(),
        () -> "PostgreSQL is not available: " + TestPostgres.unavailable().orElse(""));
    try (TestPostgres.Schema schema = TestPostgres.freshSchema();
        CloudFixture cloud = new CloudFixture(dir, Map.of("SPIME_CLOUD_STORE_URL", schema.url()))) {
      assertEquals(schema.url(), cloud.config.storeLocation());
      Api.Answer a = cloud.api.get("/v1/twins/" + SeededFleet.LEASED.value(), cloud.technical());
      assertEquals(200, a.status(), a.text());
      assertEquals("IN_SERVICE", a.json().path("phase").asText());
      assertEquals(404, cloud.api.get("/v1/twins/" + SeededFleet.UNKNOWN.value(), cloud.technical()).status());
      try (TwinStore direct = TwinStores.open(schema.url())) {
        assertEquals(a.json().path("revision").asLong(), direct.twin(SeededFleet.LEASED).orElseThrow().revision(),
            "the service reads the same PostgreSQL store");
      }
      assertTrue(cloud.api.get("/health/ready", null).status() == 200, "ready on PostgreSQL");
    }
  }
}
