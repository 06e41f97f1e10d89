package io.spime.cloud.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudServiceTest extends SeededCloudTest {

  @Test
  void starts_on_the_embedded_defaults_and_is_ready() {
    assertTrue(cloud.service.embeddedBroker());
    assertTrue(cloud.service.isReady());
    Api.Answer ready = cloud.api.get("/health/ready", null);
    assertEquals(200, ready.status());
    assertEquals("up", ready.json().path("checks").path("broker").asText());
    assertEquals("up", ready.json().path("checks").path("store").asText());
    assertEquals("up", ready.json().path("checks").path("ingest").asText());
    assertEquals(200, cloud.api.get("/health/live", null).status());
  }

  @Test
  void answers_an_authenticated_twin_read() {
    Api.Answer a = cloud.api.get("/v1/twins/" + SeededFleet.LEASED.value(), cloud.technical());
    assertEquals(200, a.status());
    assertEquals("IN_SERVICE", a.json().path("phase").asText());
    assertEquals(Optional.of("\"" + a.json().path("revision").asLong() + "\""), a.header("ETag"));
    assertEquals(Optional.of("no-store"), a.header("Cache-Control"), "answers with personal data must not be cached");
    assertEquals(Optional.of("nosniff"), a.header("X-Content-Type-Options"));
  }

  @Test
  void staff_read_a_car_known_only_from_its_telemetry_and_a_partner_does_not() {
    String path = "/v1/twins/" + SeededFleet.TELEMETRY_ONLY.value();
    Api.Answer a = cloud.api.get(path, cloud.technical());
    assertEquals(200, a.status());
    assertEquals(0, a.json().path("revision").asLong());
    assertEquals(2, a.json().path("samplesApplied").asLong());
    assertEquals(404, cloud.api.get(path, cloud.token(SeededFleet.LESSOR, Role.PARTNER)).status());
  }

  @Test
  void metrics_name_the_ingest_the_store_and_the_jvm() {
    Api.Answer m = cloud.api.get("/metrics", null);
    assertEquals(200, m.status());
    for (String name : new String[] {"spime_ingest_received_total", "spime_ingest_rejected_total{reason=\"MALFORMED\"}",
        "spime_ingest_queue_messages", "spime_ingest_queue_bytes", "spime_ingest_acks_deferred_total",
        "spime_ingest_apply_lag_seconds", "spime_store_transaction_seconds", "spime_cars_online",
        "jvm_memory_used_bytes"}) {
      assertTrue(m.text().contains(name), name + " missing from /metrics");
    }
    cloud.api.get("/v1/twins/" + SeededFleet.LEASED.value(), cloud.technical());
    String again = cloud.api.get("/metrics", null).text();
    assertTrue(again.contains("spime_http_requests_seconds_count{method=\"GET\",route=\"/v1/twins/{vin}\",status=\"200\"}"),
        "no request timer of the twin route in /metrics");
  }

  @Test
  void keys_and_data_folder_are_owner_only() throws Exception {
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cloud.config.dataDir())));
    for (String f : new String[] {"dev-issuer.jwk", "downlink-signing.key", "audit.db"}) {
      assertEquals("rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(cloud.config.dataDir().resolve(f))), f);
    }
  }

  @Test
  void serves_its_openapi_document_and_the_record_schema() {
    Api.Answer doc = cloud.api.get("/v1/openapi.json", null);
    assertEquals(200, doc.status());
    assertEquals("3.1.0", doc.json().path("openapi").asText());
    JsonNode schema = cloud.api.get("/v1/schemas/spime-record.json", null).json();
    assertTrue(schema.path("properties").has("custody"));
  }
}
