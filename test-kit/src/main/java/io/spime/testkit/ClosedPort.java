package io.spime.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A loopback port nothing listens on: bound to a free port, read, and released. */
public final class ClosedPort {
  private ClosedPort() {}

  /**
   * A port of 127.0.0.1 that was free a moment ago and is closed now.
   *
   * @throws UncheckedIOException if no port can be bound
   */
  public static int find() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a free loopback port", e);
    }
  }
}
