package io.spime.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

class NoDelaySocketsTest {
  @Test
  void plain_sockets_have_nagle_switched_off_before_and_after_connecting() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket plainDefault = new Socket();
        Socket socket = NoDelaySockets.plain().createSocket()) {
      assertFalse(plainDefault.getTcpNoDelay(), "the JDK default this guards against");
      assertTrue(socket.getTcpNoDelay());
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
      assertTrue(socket.getTcpNoDelay());
    }
  }

  @Test
  void tls_sockets_have_nagle_switched_off() throws Exception {
    try (Socket socket = NoDelaySockets.tls((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket()) {
      assertTrue(socket.getTcpNoDelay());
    }
  }
}
