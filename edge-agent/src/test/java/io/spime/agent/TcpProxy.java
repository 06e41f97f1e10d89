package io.spime.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test-only TCP proxy between agents and the broker that can cut the link (close every connection
 * and refuse new ones) or black-hole it (keep connections open but pass no bytes, like a tunnel
 * that swallows packets).
 */
final class TcpProxy implements AutoCloseable {
  enum Mode { FORWARD, CUT, BLACK_HOLE }

  private final ServerSocket server;
  private final int targetPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile Mode mode = Mode.FORWARD;
  private volatile boolean closed;

  TcpProxy(int targetPort) {
    this.targetPort = targetPort;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::acceptLoop, "proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  /** Switches mode; CUT also closes every open connection at once. */
  void mode(Mode next) {
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
        if (!closed) {
          continue;
        }
        return;
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
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
          }
          if (from.isClosed() || to.isClosed()) {
            break; // bytes swallowed by the black hole stay swallowed
          }
          out.write(buffer, 0, n);
        }
      } catch (SocketException e) {
        // closed by a cut or by the peer
      } catch (IOException e) {
        // the other side went away
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
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    sockets.forEach(TcpProxy::closeQuietly);
  }
}
