package io.spime.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on a free loopback port in front of a local port (a broker's), which can cut the link
 * (close every connection and refuse new ones) or black-hole it (keep connections open but pass no
 * bytes, like a tunnel that swallows packets).
 */
public final class TcpProxy implements AutoCloseable {
  /** What the proxy does with connections and bytes. */
  public enum Mode {
    /** Passes bytes both ways. */
    FORWARD,
    /** Closes every open connection and refuses new ones. */
    CUT,
    /** Accepts connections and holds every byte until the mode changes or a side closes. */
    BLACK_HOLE
  }

  private final ServerSocket server;
  private final int targetPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile Mode mode = Mode.FORWARD;
  private volatile boolean closed;

  /**
   * Starts forwarding from a free port of 127.0.0.1 to {@code targetPort} of 127.0.0.1.
   *
   * @throws UncheckedIOException if no port can be bound
   */
  public TcpProxy(int targetPort) {
    if (targetPort < 1 || targetPort > 65_535) {
      throw new IllegalArgumentException("targetPort must be 1 to 65535, was " + targetPort);
    }
    this.targetPort = targetPort;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the proxy's loopback port", e);
    }
    Thread acceptor = new Thread(this::acceptLoop, "proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The proxy's own port. */
  public int port() {
    return server.getLocalPort();
  }

  /** The proxy as an MQTT broker URL, {@code tcp://127.0.0.1:port}. */
  public String url() {
    return "tcp://127.0.0.1:" + port();
  }

  /** Switches mode; {@link Mode#CUT} also closes every open connection at once. */
  public void mode(Mode next) {
    mode = next;
    if (next == Mode.CUT) {
      sockets.forEach(TcpProxy::closeQuietly);
      sockets.clear();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        if (mode == Mode.CUT) {
          closeQuietly(client);
          continue;
        }
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        // a refused upstream or a closed server socket: the loop's condition decides which
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          while (mode == Mode.BLACK_HOLE && !from.isClosed() && !to.isClosed()) {
            LockSupport.parkNanos(5_000_000);
          }
          if (from.isClosed() || to.isClosed()) {
            break; // bytes swallowed by the black hole stay swallowed
          }
          out.write(buffer, 0, n);
        }
      } catch (IOException e) {
        // closed by a cut, by close() or by the peer: the link is over either way
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway; nothing is left to do with this socket
    }
  }

  /** Stops accepting and closes every connection. */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway; the accept loop ends on the closed flag
    }
    sockets.forEach(TcpProxy::closeQuietly);
  }
}
