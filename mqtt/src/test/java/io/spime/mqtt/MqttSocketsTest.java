package io.spime.mqtt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class MqttSocketsTest {
  @Test
  void no_delay_sockets_keep_nagle_off_once_connected() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket socket = MqttSockets.noDelay().createSocket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
      assertTrue(socket.getTcpNoDelay());
    }
  }

  @Test
  void no_delay_sockets_made_by_host_and_port_have_nagle_off() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket socket = MqttSockets.noDelay()
            .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
      assertTrue(socket.getTcpNoDelay());
    }
  }
}
