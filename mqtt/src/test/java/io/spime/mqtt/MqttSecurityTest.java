package io.spime.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttSecurityTest {
  @TempDir Path dir;

  @Test
  void tls_files_for_a_tcp_broker_are_refused_naming_the_url() {
    TestPki pki = TestPki.create(dir);
    MqttSettings.Builder builder = MqttSettings.builder("tcp://127.0.0.1:1883", "c");
    InvalidSecurityException error = assertThrows(InvalidSecurityException.class,
        () -> builder.security(MqttSecurity.builder().trust(pki.caPem()).build()));
    assertTrue(error.getMessage().contains("tcp://127.0.0.1:1883") && error.getMessage().contains("ssl://"),
        error.getMessage());
  }

  @Test
  void a_certificate_without_its_key_is_refused() {
    InvalidSecurityException error = assertThrows(InvalidSecurityException.class, () -> new MqttSecurity(
        java.util.Optional.empty(), java.util.Optional.of(dir.resolve("car.pem")), java.util.Optional.empty(),
        java.util.Optional.empty(), java.util.Optional.empty()));
    assertTrue(error.getMessage().contains("car.pem"), error.getMessage());
  }

  @Test
  void credentials_reach_the_settings_and_the_password_never_reaches_to_string() {
    MqttSecurity security = MqttSecurity.builder().username("cloud").password("s3cret").build();
    MqttSettings settings = MqttSettings.builder("tcp://127.0.0.1:1883", "c").security(security).build();
    assertEquals("cloud", settings.username().orElseThrow());
    assertEquals("s3cret", new String(settings.password().orElseThrow()));
    assertFalse(security.toString().contains("s3cret"), security.toString());
    assertTrue(settings.tls().isEmpty(), "no TLS files: a tcp:// broker stays plain");
    assertTrue(settings.tlsMaterial().isEmpty());
  }

  @Test
  void tls_files_give_both_a_socket_factory_and_the_managers_of_a_mutual_tls_client() {
    TestPki pki = TestPki.create(dir);
    var client = pki.client("car");
    MqttSettings settings = MqttSettings.builder("ssl://127.0.0.1:8883", "c").security(MqttSecurity.builder()
        .trust(pki.caPem()).clientCertificate(client.certificatePem(), client.privateKeyPem()).build()).build();
    assertTrue(settings.tls().isPresent());
    TlsMaterial material = settings.tlsMaterial().orElseThrow();
    assertTrue(material.trust().isPresent(), "the CA file's trust managers");
    assertTrue(material.keys().isPresent(), "the client certificate's key managers");
    MqttSettings withWill = settings.withWillAndKeptSession(new Will("t", new byte[] {1}, 1, true));
    assertEquals(settings.tlsMaterial(), withWill.tlsMaterial(), "a will keeps the TLS material");
  }

  @Test
  void a_password_comes_from_a_file_or_the_environment_with_clear_errors() throws Exception {
    Path file = Files.writeString(dir.resolve("password"), "s3cret\n");
    assertEquals("s3cret", MqttSecrets.passwordFromFile(file));
    InvalidSecurityException missing = assertThrows(InvalidSecurityException.class,
        () -> MqttSecrets.passwordFromFile(dir.resolve("absent")));
    assertTrue(missing.getMessage().contains("absent"), missing.getMessage());
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    assertThrows(InvalidSecurityException.class, () -> MqttSecrets.passwordFromFile(empty));
    assertEquals("pw", MqttSecrets.passwordFromEnvironment("SPIME_PW", Map.of("SPIME_PW", "pw")));
    InvalidSecurityException unset = assertThrows(InvalidSecurityException.class,
        () -> MqttSecrets.passwordFromEnvironment("SPIME_PW", Map.of()));
    assertTrue(unset.getMessage().contains("SPIME_PW") && unset.getMessage().contains("not set"), unset.getMessage());
  }
}
