package io.spime.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class ClosedPortTest {
  @Test
  void nothing_listens_on_the_port() {
    int port = ClosedPort.find();

    assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
  }
}
