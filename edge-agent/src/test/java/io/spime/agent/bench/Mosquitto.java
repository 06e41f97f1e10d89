package io.spime.agent.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A Mosquitto broker process on a free loopback port (never 1883), for benchmarks. */
final class Mosquitto implements AutoCloseable {
  private final Path config;
  private final int port;
  private Process process;

  Mosquitto(Path dir) throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    config = dir.resolve("mosquitto.conf");
    Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\n"
        + "max_queued_messages 0\nmax_inflight_messages 0\npersistence false\n");
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  void start() throws IOException, InterruptedException {
    process = new ProcessBuilder("mosquitto", "-c", config.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new UncheckedIOException(new IOException("mosquitto did not listen on " + port));
  }

  void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
      process = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
