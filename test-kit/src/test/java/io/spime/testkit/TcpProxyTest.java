package io.spime.testkit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {
  private ServerSocket echo;

  @BeforeEach
  void startEcho() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!echo.isClosed()) {
        try {
          Socket socket = echo.accept();
          Thread pump = new Thread(() -> echoBack(socket), "echo");
          pump.setDaemon(true);
          pump.start();
        } catch (IOException e) {
          return; // the echo server was closed after the test
        }
      }
    }, "echo-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stopEcho() throws IOException {
    echo.close();
  }

  @Test
  void forwards_bytes_both_ways() throws IOException {
    try (TcpProxy proxy = new TcpProxy(echo.getLocalPort());
        Socket client = connect(proxy)) {
      assertEquals("tcp://127.0.0.1:" + proxy.port(), proxy.url());
      client.getOutputStream().write(new byte[] {1, 2, 3});

      assertEquals(1, client.getInputStream().read());
      assertEquals(2, client.getInputStream().read());
      assertEquals(3, client.getInputStream().read());
    }
  }

  @Test
  void a_black_hole_holds_the_bytes_until_the_link_forwards_again() throws IOException {
    try (TcpProxy proxy = new TcpProxy(echo.getLocalPort());
        Socket client = connect(proxy)) {
      InputStream in = client.getInputStream();
      proxy.mode(TcpProxy.Mode.BLACK_HOLE);
      client.getOutputStream().write(7);

      await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> in.available() == 0);
      proxy.mode(TcpProxy.Mode.FORWARD);
      assertEquals(7, in.read());
    }
  }

  @Test
  void a_cut_closes_open_connections_and_refuses_new_ones() throws IOException {
    try (TcpProxy proxy = new TcpProxy(echo.getLocalPort());
        Socket before = connect(proxy)) {
      before.getOutputStream().write(1);
      assertEquals(1, before.getInputStream().read());
      proxy.mode(TcpProxy.Mode.CUT);

      assertEquals(-1, readOrEnd(before));
      try (Socket during = connect(proxy)) {
        assertEquals(-1, readOrEnd(during), "accepted, then closed at once");
      }
    }
  }

  @Test
  void refuses_a_port_out_of_range() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TcpProxy(0));
    assertEquals("targetPort must be 1 to 65535, was 0", e.getMessage());
  }

  private static Socket connect(TcpProxy proxy) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    socket.setSoTimeout(5_000);
    return socket;
  }

  /** The next byte, or -1 when the connection was closed or reset. */
  private static int readOrEnd(Socket socket) {
    try {
      return socket.getInputStream().read();
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the connection is still open after 5 s", e);
    } catch (IOException e) {
      return -1; // a reset is a cut too
    }
  }

  private static void echoBack(Socket socket) {
    try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // the proxy or the test closed the connection
    }
  }
}
