package io.spime.mqtt.hivemq.internal;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuthBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.TransportException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Turns {@link MqttSettings} into a HiveMQ MQTT 5 client and its CONNECT message. */
final class HiveMqClients {
  private HiveMqClients() {}

  /**
   * A client on the shared loops, with no automatic reconnect, for the settings' broker.
   *
   * @throws TransportException if the settings hold TLS only as a socket factory
   */
  static Mqtt5AsyncClient build(MqttSettings settings, MqttClientDisconnectedListener onDisconnect) {
    long timeoutMs = connectTimeoutMillis(settings);
    Mqtt5ClientBuilder builder = MqttClient.builder()
        .useMqttVersion5()
        .identifier(settings.clientId())
        .executorConfig(SharedLoops.config())
        .transportConfig()
        .serverHost(settings.serverUri().getHost())
        .serverPort(settings.serverUri().getPort())
        .sslConfig(ssl(settings))
        .socketConnectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
        .mqttConnectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
        .applyTransportConfig()
        .addDisconnectedListener(onDisconnect);
    return builder.buildAsync();
  }

  /** The CONNECT: clean start, session expiry, keep-alive, our window, credentials and will. */
  static Mqtt5Connect connect(MqttSettings settings) {
    Mqtt5ConnectBuilder builder = Mqtt5Connect.builder()
        .cleanStart(settings.cleanStart())
        .sessionExpiryInterval(Math.min(settings.sessionExpiry().toSeconds(), 0xFFFF_FFFFL))
        .keepAlive((int) Math.min(settings.keepAlive().toSeconds(), 65_535))
        .restrictions().sendMaximum(settings.maxInFlight()).applyRestrictions();
    simpleAuth(settings).ifPresent(builder::simpleAuth);
    if (settings.will().isPresent()) {
      var will = settings.will().get();
      builder = builder.willPublish()
          .topic(will.topic())
          .payload(will.payload())
          .qos(qos(will.qos()))
          .retain(will.retained())
          .applyWillPublish();
    }
    return builder.build();
  }

  private static Optional<Mqtt5SimpleAuth> simpleAuth(MqttSettings settings) {
    Optional<byte[]> password = settings.password()
        .map(secret -> new String(secret).getBytes(StandardCharsets.UTF_8));
    if (settings.username().isPresent()) {
      Mqtt5SimpleAuthBuilder.Complete auth = Mqtt5SimpleAuth.builder().username(settings.username().get());
      return Optional.of(password.map(auth::password).orElse(auth).build());
    }
    return password.map(secret -> Mqtt5SimpleAuth.builder().password(secret).build());
  }

  static long connectTimeoutMillis(MqttSettings settings) {
    return Math.max(1_000, settings.connectTimeout().toMillis());
  }

  static MqttQos qos(int qos) {
    MqttQos level = MqttQos.fromCode(qos);
    if (level == null) {
      throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qos);
    }
    return level;
  }

  /**
   * TLS for {@code ssl://}: the settings' trust and key managers, or the JVM's trust store without
   * them; the broker's host name is checked (the client's default). None for {@code tcp://}.
   */
  private static @Nullable MqttClientSslConfig ssl(MqttSettings settings) {
    if (!"ssl".equals(settings.serverUri().getScheme())) {
      return null;
    }
    if (settings.tlsMaterial().isEmpty() && settings.tls().isPresent()) {
      throw new TransportException(settings.clientId() + ": the settings hold TLS only as an SSLSocketFactory, "
          + "which the HiveMQ client cannot use; give them with MqttSettings.Builder.security or tls(TlsMaterial)");
    }
    MqttClientSslConfigBuilder ssl = MqttClientSslConfig.builder();
    settings.tlsMaterial().ifPresent(material -> {
      material.trust().ifPresent(ssl::trustManagerFactory);
      material.keys().ifPresent(ssl::keyManagerFactory);
    });
    return ssl.build();
  }
}
