package io.spime.sim.internal.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/** One proxied connection: a car's socket and the broker's, bytes copied both ways. */
final class ProxyPipe {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final SocketChannel client;
  private final SocketChannel upstream;
  private final ByteBuffer toUpstream = ByteBuffer.allocate(BUFFER_BYTES);
  private final ByteBuffer toClient = ByteBuffer.allocate(BUFFER_BYTES);
  private SelectionKey clientKey;
  private SelectionKey upstreamKey;
  private boolean closed;

  private ProxyPipe(SocketChannel client, SocketChannel upstream) {
    this.client = client;
    this.upstream = upstream;
  }

  static ProxyPipe open(Selector selector, SocketChannel client, InetSocketAddress broker)
      throws IOException {
    client.configureBlocking(false);
    SocketChannel upstream = SocketChannel.open();
    upstream.configureBlocking(false);
    ProxyPipe pipe = new ProxyPipe(client, upstream);
    try {
      upstream.connect(broker);
      pipe.upstreamKey = upstream.register(selector, SelectionKey.OP_CONNECT, pipe);
    } catch (IOException e) {
      pipe.close();
      return pipe;
    }
    return pipe;
  }

  boolean isClosed() {
    return closed;
  }

  void handle(SelectionKey key) {
    try {
      if (key.isConnectable()) {
        upstream.finishConnect();
        upstreamKey.interestOps(SelectionKey.OP_READ);
        clientKey = client.register(key.selector(), SelectionKey.OP_READ, this);
        return;
      }
      boolean fromClient = key.channel() == client;
      if (key.isReadable()) {
        pump(fromClient ? client : upstream, fromClient ? toUpstream : toClient,
            fromClient ? upstream : client, fromClient ? upstreamKey : clientKey, key);
      }
      if (key.isValid() && key.isWritable()) {
        drain(fromClient ? toClient : toUpstream, fromClient ? client : upstream, key,
            fromClient ? upstreamKey : clientKey);
      }
    } catch (IOException e) {
      close();
    }
  }

  private void pump(SocketChannel from, ByteBuffer buffer, SocketChannel to, SelectionKey toKey,
      SelectionKey fromKey) throws IOException {
    if (from.read(buffer) < 0) {
      close();
      return;
    }
    buffer.flip();
    to.write(buffer);
    if (buffer.hasRemaining()) {
      fromKey.interestOps(0);
      toKey.interestOps(toKey.interestOps() | SelectionKey.OP_WRITE);
      buffer.compact();
      buffer.flip();
      return;
    }
    buffer.clear();
  }

  private void drain(ByteBuffer buffer, SocketChannel to, SelectionKey toKey, SelectionKey fromKey)
      throws IOException {
    to.write(buffer);
    if (!buffer.hasRemaining()) {
      buffer.clear();
      toKey.interestOps(SelectionKey.OP_READ);
      fromKey.interestOps(SelectionKey.OP_READ);
    }
  }

  void close() {
    closed = true;
    closeQuietly(client);
    closeQuietly(upstream);
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Closing a proxied socket that is already broken: nothing left to do.
    }
  }
}
