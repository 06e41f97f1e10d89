package io.spime.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestBrokersTest {
  @Test
  void the_embedded_broker_is_one_per_jvm_and_listens_on_loopback() throws IOException {
    assertTrue(TestBrokers.embedded() == TestBrokers.embedded());
    URI url = URI.create(TestBrokers.embeddedUrl());
    assertEquals("tcp", url.getScheme());
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), url.getPort())) {
      assertTrue(socket.isConnected());
    }
  }

  @Test
  void all_starts_with_the_embedded_broker() {
    List<String> all = TestBrokers.all();

    assertEquals(TestBrokers.embeddedUrl(), all.get(0));
    assertEquals(TestBrokers.external(), all.size() == 2 ? Optional.of(all.get(1)) : Optional.empty());
  }

  @Test
  void an_unset_or_blank_variable_means_no_external_broker() {
    assertEquals(Optional.empty(), TestBrokers.external(null));
    assertEquals(Optional.empty(), TestBrokers.external("  "));
    assertEquals(Optional.of("tcp://127.0.0.1:1883"), TestBrokers.external(" tcp://127.0.0.1:1883 "));
    assertEquals(Optional.of("ssl://broker.example:8883"), TestBrokers.external("ssl://broker.example:8883"));
  }

  @Test
  void a_malformed_variable_is_refused_with_its_name_and_value() {
    for (String wrong : List.of("127.0.0.1:1883", "http://h:1", "tcp://host", "tcp://:1883", "tcp://a b:1")) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestBrokers.external(wrong));
      assertEquals("SPIME_MQTT_URL must be tcp://host:port or ssl://host:port, was '" + wrong
          + "'; unset it to test against the embedded broker only", e.getMessage());
    }
  }
}
