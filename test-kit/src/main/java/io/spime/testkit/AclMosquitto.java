package io.spime.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link MosquittoProcess} whose anonymous clients may use only the topics of an ACL file: a
 * publish to any other topic is refused (MQTT 5 PUBACK reason 0x87). The ACL can be changed while
 * it runs ({@link #allow}). Tests skip when {@link #available()} is false.
 */
public final class AclMosquitto implements AutoCloseable {
  private final Path acl;
  private final MosquittoProcess mosquitto;

  private AclMosquitto(Path acl, MosquittoProcess mosquitto) {
    this.acl = acl;
    this.mosquitto = mosquitto;
  }

  /** Whether a {@code mosquitto} binary is installed. */
  public static boolean available() {
    return MosquittoProcess.binary().isPresent();
  }

  /**
   * Starts Mosquitto with its files under {@code dir}, letting clients read and write only {@code
   * topics} (MQTT topic filters).
   *
   * @throws UncheckedIOException if the ACL cannot be written
   * @throws IllegalStateException if Mosquitto is not installed or does not come up
   */
  public static AclMosquitto start(Path dir, List<String> topics) {
    Path acl = dir.resolve("mosquitto.acl");
    writeAcl(acl, topics);
    int port = ClosedPort.find();
    String config = "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
        + "acl_file " + acl.toAbsolutePath() + "\n";
    return new AclMosquitto(acl, MosquittoProcess.startConfig(dir, port, config));
  }

  /** The URL clients connect to. */
  public String url() {
    return "tcp://127.0.0.1:" + mosquitto.port();
  }

  /**
   * Replaces the allowed topics and makes Mosquitto reload its ACL.
   *
   * @throws UncheckedIOException if the ACL cannot be written or the signal not sent
   */
  public void allow(List<String> topics) {
    writeAcl(acl, topics);
    mosquitto.reload();
  }

  /** Stops the process. */
  @Override
  public void close() {
    mosquitto.close();
  }

  private static void writeAcl(Path acl, List<String> topics) {
    StringBuilder text = new StringBuilder();
    for (String topic : topics) {
      text.append("topic readwrite ").append(topic).append('\n');
    }
    try {
      Files.writeString(acl, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ACL " + acl, e);
    }
  }
}
