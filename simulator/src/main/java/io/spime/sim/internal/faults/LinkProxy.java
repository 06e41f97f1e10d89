package io.spime.sim.internal.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy between the cars and the broker, one loopback port per car, all served by one
 * selector thread, so a car's link can be cut (a tunnel) and restored while the others carry on.
 * A cut closes the car's connections and refuses new ones until restored.
 */
public final class LinkProxy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LinkProxy.class);

  private final InetSocketAddress broker;
  private final Selector selector;
  private final Thread thread;
  private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private final Map<String, CarPort> ports = new HashMap<>();
  private volatile boolean closed;

  /** One car's listening port and its live connections. */
  private static final class CarPort {
    final ServerSocketChannel server;
    final List<ProxyPipe> pipes = new ArrayList<>();
    boolean cut;

    CarPort(ServerSocketChannel server) {
      this.server = server;
    }
  }

  public LinkProxy(String brokerHost, int brokerPort) {
    this.broker = new InetSocketAddress(brokerHost, brokerPort);
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the link proxy's selector", e);
    }
    thread = new Thread(this::loop, "spime-sim-link-proxy");
    thread.setDaemon(true);
    thread.start();
  }

  /** Opens a port for this car and returns the URL the car's agent connects to. */
  public String open(String car) {
    CountDownLatch done = new CountDownLatch(1);
    int[] port = new int[1];
    RuntimeException[] failure = new RuntimeException[1];
    run(() -> {
      try {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        server.configureBlocking(false);
        CarPort carPort = new CarPort(server);
        server.register(selector, SelectionKey.OP_ACCEPT, carPort);
        ports.put(car, carPort);
        port[0] = ((InetSocketAddress) server.getLocalAddress()).getPort();
      } catch (IOException e) {
        failure[0] = new UncheckedIOException("cannot open a proxy port for " + car, e);
      } finally {
        done.countDown();
      }
    });
    awaitQuietly(done);
    if (failure[0] != null) {
      throw failure[0];
    }
    return "tcp://127.0.0.1:" + port[0];
  }

  /** Drops the car's connections and refuses new ones until {@link #restore}. */
  void cut(String car) {
    run(() -> {
      CarPort port = ports.get(car);
      if (port != null) {
        port.cut = true;
        for (ProxyPipe pipe : List.copyOf(port.pipes)) {
          pipe.close();
        }
        port.pipes.clear();
      }
    });
  }

  /** Lets the car connect again. */
  void restore(String car) {
    run(() -> {
      CarPort port = ports.get(car);
      if (port != null) {
        port.cut = false;
      }
    });
  }

  @Override
  public void close() {
    closed = true;
    selector.wakeup();
    try {
      thread.join(5_000);
      selector.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.debug("closing the link proxy: {}", e.toString());
    }
  }

  private void run(Runnable command) {
    commands.add(command);
    selector.wakeup();
  }

  private void loop() {
    while (!closed) {
      try {
        selector.select(500);
        Runnable command;
        while ((command = commands.poll()) != null) {
          command.run();
        }
        for (SelectionKey key : selector.selectedKeys()) {
          handle(key);
        }
        selector.selectedKeys().clear();
      } catch (IOException | RuntimeException e) {
        LOG.warn("link proxy: {}", e.toString());
      }
    }
    for (SelectionKey key : selector.keys()) {
      try {
        key.channel().close();
      } catch (IOException e) {
        LOG.debug("closing a proxy channel: {}", e.toString());
      }
    }
  }

  private void handle(SelectionKey key) throws IOException {
    if (!key.isValid()) {
      return;
    }
    if (key.attachment() instanceof CarPort port) {
      SocketChannel client = port.server.accept();
      if (client == null) {
        return;
      }
      if (port.cut) {
        client.close();
        return;
      }
      port.pipes.removeIf(ProxyPipe::isClosed);
      port.pipes.add(ProxyPipe.open(selector, client, broker));
      return;
    }
    ((ProxyPipe) key.attachment()).handle(key);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
