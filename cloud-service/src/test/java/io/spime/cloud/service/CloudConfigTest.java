package io.spime.cloud.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.cloud.service.internal.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudConfigTest {
  @TempDir Path dir;

  @Test
  void the_environment_wins_over_the_file_which_wins_over_the_default() throws Exception {
    Path file = dir.resolve("cloud.properties");
    Files.writeString(file, "http.port=9000\ningest.share-group=ingest-a\nbroker.url=tcp://broker:1883\n");
    CloudConfig c = CloudConfig.load(Optional.of(file), Map.of("SPIME_CLOUD_HTTP_PORT", "9100"));
    assertEquals(9100, c.httpPort());
    assertEquals(Optional.of("ingest-a"), c.shareGroup());
    assertEquals(Optional.of("tcp://broker:1883"), c.brokerUrl());
    assertEquals("127.0.0.1", c.httpHost());
    assertEquals(c.dataDir().resolve("twins.db"), c.storeFile());
    assertEquals(c.storeFile().toString(), c.storeLocation(), "no store.url: the SQLite file");
    assertTrue(c.devIssuer(), "no keys configured: the development issuer is on");
  }

  @Test
  void a_store_url_names_the_store_and_must_be_a_jdbc_url_of_a_known_store() {
    String url = "jdbc:postgresql://db.example/spime?user=spime";
    assertEquals(url, CloudConfig.load(Optional.empty(), Map.of("SPIME_CLOUD_STORE_URL", url)).storeLocation());
    InvalidConfigException bad = assertThrows(InvalidConfigException.class, () -> CloudConfig.load(
        Optional.empty(), Map.of("SPIME_CLOUD_STORE_URL", "jdbc:mysql://db/x?password=hunter2")));
    assertTrue(bad.getMessage().contains("SPIME_CLOUD_STORE_URL"), bad.getMessage());
    assertFalse(bad.getMessage().contains("hunter2"), "a password in a refused URL is never shown");
  }

  @Test
  void every_setting_has_an_env_name_of_its_key() {
    assertEquals("SPIME_CLOUD_AUTH_JWKS_URL", Setting.AUTH_JWKS_URL.env());
    assertEquals("SPIME_CLOUD_INGEST_SHARE_GROUP", Setting.INGEST_SHARE_GROUP.env());
    for (Setting s : Setting.values()) {
      assertTrue(s.env().matches("SPIME_CLOUD_[A-Z_]+"), s.env());
      assertFalse(s.description().isBlank(), s.key());
    }
  }

  @Test
  void the_docs_list_every_setting_with_its_env_name() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "cloud-service.md"));
    for (Setting s : Setting.values()) {
      assertTrue(docs.contains("| `" + s.key() + "` | `" + s.env() + "` |"), s.key() + " missing from docs/cloud-service.md");
    }
  }

  @Test
  void configured_keys_turn_the_development_issuer_off_unless_asked() {
    Map<String, String> env = Map.of("SPIME_CLOUD_AUTH_JWKS_URL", "https://idp.example/jwks");
    assertFalse(CloudConfig.load(Optional.empty(), env).devIssuer());
  }

  @Test
  void errors_name_the_setting() throws Exception {
    InvalidConfigException port = assertThrows(InvalidConfigException.class,
        () -> CloudConfig.load(Optional.empty(), Map.of("SPIME_CLOUD_HTTP_PORT", "eighty")));
    assertTrue(port.getMessage().contains("SPIME_CLOUD_HTTP_PORT"), port.getMessage());
    Path file = dir.resolve("typo.properties");
    Files.writeString(file, "htp.port=80\n");
    InvalidConfigException typo = assertThrows(InvalidConfigException.class,
        () -> CloudConfig.load(Optional.of(file), Map.of()));
    assertTrue(typo.getMessage().contains("htp.port"), typo.getMessage());
    InvalidConfigException none = assertThrows(InvalidConfigException.class,
        () -> CloudConfig.load(Optional.empty(), Map.of("SPIME_CLOUD_AUTH_DEV_ISSUER", "false")));
    assertTrue(none.getMessage().contains("auth.jwks-url"), none.getMessage());
    InvalidConfigException url = assertThrows(InvalidConfigException.class,
        () -> CloudConfig.load(Optional.empty(), Map.of("SPIME_CLOUD_AUTH_JWKS_URL", "file:///etc/keys")));
    assertTrue(url.getMessage().contains("auth.jwks-url"), url.getMessage());
  }
}
