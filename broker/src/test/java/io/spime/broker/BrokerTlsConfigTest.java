package io.spime.broker;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS listener's files are checked before HiveMQ starts. Its handshakes are tested with real
 * certificates in mqtt's PahoTransportTlsTest (the certificate kit lives in test-kit, which depends
 * on this module).
 */
class BrokerTlsConfigTest {
  @TempDir Path dir;

  @Test
  void a_missing_or_empty_pem_file_is_refused_naming_it() throws Exception {
    BrokerException missing = assertThrows(BrokerException.class,
        () -> EmbeddedBroker.start(BrokerTls.serverOnly(dir.resolve("absent.pem"), dir.resolve("absent-key.pem"))));
    assertTrue(missing.getMessage().contains("absent.pem"), missing.getMessage());
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    BrokerException noCertificate = assertThrows(BrokerException.class,
        () -> EmbeddedBroker.start(BrokerTls.serverOnly(empty, empty)));
    assertTrue(noCertificate.getMessage().contains("empty.pem"), noCertificate.getMessage());
  }
}
