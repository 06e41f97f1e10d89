package io.spime.testkit;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * An embedded HiveMQ for tests whose publish authorizer (an embedded extension) refuses every
 * publish to a topic the current predicate matches, with PUBACK reason 0x87, not authorised. The
 * predicate can be changed while it runs ({@link #refuse}).
 */
public final class RefusingHiveMq implements AutoCloseable {
  private final EmbeddedHiveMQ hivemq;
  private final int port;
  private final AtomicReference<Predicate<String>> refused;

  private RefusingHiveMq(EmbeddedHiveMQ hivemq, int port, AtomicReference<Predicate<String>> refused) {
    this.hivemq = hivemq;
    this.port = port;
    this.refused = refused;
  }

  /**
   * Starts a broker on a free loopback port with its files under {@code home}, refusing publishes
   * to the topics {@code refused} matches.
   *
   * @throws IOException if its configuration cannot be written
   */
  public static RefusingHiveMq start(Path home, Predicate<String> refusedTopics) throws IOException {
    AtomicReference<Predicate<String>> refused = new AtomicReference<>(refusedTopics);
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path conf = Files.createDirectories(home.resolve("conf"));
    Files.writeString(conf.resolve("config.xml"), """
        <?xml version="1.0"?>
        <hivemq>
          <listeners><tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener></listeners>
          <persistence><mode>in-memory</mode></persistence>
          <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
          <general><update-check-enabled>false</update-check-enabled></general>
        </hivemq>
        """.formatted(port));
    EmbeddedExtension deny = EmbeddedExtension.builder()
        .withId("spime-test-deny").withName("refuse topics").withVersion("1").withAuthor("spime tests")
        .withPriority(0).withStartPriority(1000)
        .withExtensionMain(new ExtensionMain() {
          @Override
          public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
            Services.securityRegistry().setAuthorizerProvider(provider -> (PublishAuthorizer) (in, out) -> {
              if (refused.get().test(in.getPublishPacket().getTopic())) {
                out.failAuthorization(AckReasonCode.NOT_AUTHORIZED, "denied by the test");
              } else {
                out.authorizeSuccessfully();
              }
            });
          }

          @Override
          public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {}
        })
        .build();
    EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
        .withConfigurationFolder(conf)
        .withDataFolder(Files.createDirectories(home.resolve("data")))
        .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
        .withEmbeddedExtension(deny)
        .withoutLoggingBootstrap()
        .build();
    hivemq.start().join();
    return new RefusingHiveMq(hivemq, port, refused);
  }

  /** Refuses, from now on, the publishes to the topics {@code topics} matches (none: {@code t -> false}). */
  public void refuse(Predicate<String> topics) {
    refused.set(topics);
  }

  /** The URL clients connect to. */
  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** Stops the broker. */
  @Override
  public void close() throws Exception {
    hivemq.stop().join();
    hivemq.close();
  }
}
