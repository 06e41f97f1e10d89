package io.spime.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto broker the test starts as a process of its own, on a free loopback port, with a
 * configuration the test writes (a TLS listener, a password file), and stops by its PID on close.
 * Use {@link #binary()} to skip a test where Mosquitto is not installed (CI installs it).
 */
public final class MosquittoProcess implements AutoCloseable {
  private static final List<String> PLACES = List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto",
      "/usr/local/sbin/mosquitto", "/usr/local/bin/mosquitto", "/opt/homebrew/sbin/mosquitto");

  private final Process process;
  private final int port;
  private final Path log;

  private MosquittoProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The mosquitto executable, if installed in a usual place or on the PATH. */
  public static Optional<Path> binary() {
    for (String place : PLACES) {
      if (Files.isExecutable(Path.of(place))) {
        return Optional.of(Path.of(place));
      }
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir, "mosquitto");
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Starts Mosquitto with one listener on a free port of 127.0.0.1 followed by {@code listenerSettings}
   * (lines such as {@code cafile ...}, {@code require_certificate true}), and waits until it accepts
   * connections. Its log goes to {@code dir}/mosquitto.log.
   *
   * @throws IllegalStateException if Mosquitto is not installed or does not come up within 20 s
   */
  public static MosquittoProcess start(Path dir, String listenerSettings) {
    int port = ClosedPort.find();
    String config = "per_listener_settings false\n"
        + "listener " + port + " 127.0.0.1\n" + listenerSettings + "\n";
    return startConfig(dir, port, config);
  }

  /**
   * Starts Mosquitto with this whole configuration, which must open a listener on {@code port} of
   * 127.0.0.1 (find one with {@link ClosedPort#find()}), and waits until it accepts connections.
   * When the test runs as root, {@code user root} is put first: as root Mosquitto would switch to
   * user mosquitto, who cannot read the test's owner-only files.
   *
   * @throws IllegalStateException if Mosquitto is not installed or does not come up within 20 s
   */
  public static MosquittoProcess startConfig(Path dir, int port, String config) {
    Path binary = binary().orElseThrow(() -> new IllegalStateException("mosquitto is not installed"));
    if ("root".equals(System.getProperty("user.name"))) {
      config = "user root\n" + config;
    }
    try {
      Path configFile = TestPem.ownerOnly(dir.resolve("mosquitto-" + port + ".conf"), config);
      Path log = dir.resolve("mosquitto-" + port + ".log");
      Process process = new ProcessBuilder(binary.toString(), "-c", configFile.toString(), "-v")
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      MosquittoProcess mosquitto = new MosquittoProcess(process, port, log);
      mosquitto.awaitListening();
      return mosquitto;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start mosquitto", e);
    }
  }

  /**
   * Writes a Mosquitto password file holding {@code user} with {@code password}, with
   * mosquitto_passwd beside the mosquitto binary.
   *
   * @throws IllegalStateException if mosquitto_passwd is missing or fails
   */
  public static Path passwordFile(Path file, String user, String password) {
    Path tool = passwordTool().orElseThrow(() -> new IllegalStateException("mosquitto_passwd is not installed"));
    try {
      TestPem.ownerOnly(file, "");
      Process process = new ProcessBuilder(tool.toString(), "-b", file.toString(), user, password)
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("mosquitto_passwd failed: " + output);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run mosquitto_passwd", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running mosquitto_passwd", e);
    }
  }

  /** The mosquitto_passwd executable, beside mosquitto or in /usr/bin, if installed. */
  public static Optional<Path> passwordTool() {
    List<Path> candidates = new java.util.ArrayList<>();
    binary().ifPresent(binary -> candidates.add(binary.resolveSibling("mosquitto_passwd")));
    candidates.add(Path.of("/usr/bin/mosquitto_passwd"));
    candidates.add(Path.of("/usr/local/bin/mosquitto_passwd"));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** The port of its listener. */
  public int port() {
    return port;
  }

  /** What Mosquitto logged so far, for a failing test's message. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /**
   * Makes Mosquitto reload its configuration and ACL (SIGHUP to its PID).
   *
   * @throws UncheckedIOException if the signal cannot be sent
   */
  public void reload() {
    try {
      Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start();
      if (!hup.waitFor(10, TimeUnit.SECONDS) || hup.exitValue() != 0) {
        throw new IOException("kill -HUP " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot signal mosquitto", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted signalling mosquitto", e));
    }
  }

  /** Stops the process by its PID and waits for it to end. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ": " + log());
      }
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException e) {
        try {
          Thread.sleep(50); // polling a port that is about to open; no event to wait on
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    close();
    throw new IllegalStateException("mosquitto did not listen on port " + port + " within 20 s: " + log());
  }
}
