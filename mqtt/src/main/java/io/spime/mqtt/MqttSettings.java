package io.spime.mqtt;

import io.spime.mqtt.internal.PemTls;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;

/**
 * How to connect: broker, client id, session, will, credentials, TLS and the in-flight window.
 * TLS is held twice: as a socket factory (Paho's transport) and, when built from {@link MqttSecurity}
 * or {@link TlsMaterial}, as the trust and key managers (every transport). Build with {@link
 * #builder(String, String)}.
 */
public record MqttSettings(
    URI serverUri,
    String clientId,
    boolean cleanStart,
    Duration sessionExpiry,
    Duration keepAlive,
    Duration connectTimeout,
    int maxInFlight,
    Optional<Will> will,
    Optional<String> username,
    Optional<char[]> password,
    Optional<SSLSocketFactory> tls,
    Optional<TlsMaterial> tlsMaterial) {

  public MqttSettings {
    Objects.requireNonNull(serverUri, "serverUri");
    String scheme = serverUri.getScheme();
    if (!"tcp".equals(scheme) && !"ssl".equals(scheme)) {
      throw new IllegalArgumentException(
          "serverUri must be tcp://host:port or ssl://host:port, was " + serverUri);
    }
    if (serverUri.getHost() == null) {
      throw new IllegalArgumentException("serverUri has no host: " + serverUri);
    }
    Objects.requireNonNull(clientId, "clientId");
    if (clientId.isEmpty()) {
      throw new IllegalArgumentException("clientId must not be empty");
    }
    Objects.requireNonNull(sessionExpiry, "sessionExpiry");
    Objects.requireNonNull(keepAlive, "keepAlive");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (maxInFlight < 1 || maxInFlight > 65_535) {
      throw new IllegalArgumentException("maxInFlight must be 1..65535, was " + maxInFlight);
    }
    Objects.requireNonNull(will, "will");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(tlsMaterial, "tlsMaterial");
    if ((tls.isPresent() || tlsMaterial.isPresent()) && "tcp".equals(scheme)) {
      throw new InvalidSecurityException(
          "TLS settings are given but the broker URL " + serverUri + " is tcp://; use ssl://host:port");
    }
  }

  /** Settings with only a socket factory for TLS (no {@link TlsMaterial}): Paho's transport only. */
  public MqttSettings(URI serverUri, String clientId, boolean cleanStart, Duration sessionExpiry,
      Duration keepAlive, Duration connectTimeout, int maxInFlight, Optional<Will> will,
      Optional<String> username, Optional<char[]> password, Optional<SSLSocketFactory> tls) {
    this(serverUri, clientId, cleanStart, sessionExpiry, keepAlive, connectTimeout, maxInFlight, will,
        username, password, tls, Optional.empty());
  }

  /** These settings with {@code will} and a session that survives reconnects (clean start off). */
  public MqttSettings withWillAndKeptSession(Will will) {
    return new MqttSettings(serverUri, clientId, false, sessionExpiry, keepAlive, connectTimeout,
        maxInFlight, Optional.of(will), username, password, tls, tlsMaterial);
  }

  /**
   * A builder with defaults: persistent session kept one day, 30 s keep-alive, 10 s connect
   * timeout, 16 messages in flight, no will, no credentials, TLS only for {@code ssl://}.
   *
   * @throws IllegalArgumentException if the URL is not {@code tcp://host:port} or {@code ssl://…}
   */
  public static Builder builder(String serverUrl, String clientId) {
    return new Builder(parseUrl(serverUrl), clientId);
  }

  /**
   * Parses a broker URL such as {@code tcp://127.0.0.1:1883}.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  public static URI parseUrl(String serverUrl) {
    Objects.requireNonNull(serverUrl, "serverUrl");
    URI uri;
    try {
      uri = new URI(serverUrl);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("broker URL '" + serverUrl + "' is malformed: " + e.getReason());
    }
    if (!"tcp".equals(uri.getScheme()) && !"ssl".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "broker URL '" + serverUrl + "' must start with tcp:// or ssl://");
    }
    if (uri.getHost() == null || uri.getPort() < 1) {
      throw new IllegalArgumentException(
          "broker URL '" + serverUrl + "' must name a host and a port, like tcp://127.0.0.1:1883");
    }
    return uri;
  }

  /** Builds {@link MqttSettings}, checking each value as it is set. */
  public static final class Builder {
    private final URI serverUri;
    private final String clientId;
    private boolean cleanStart;
    private Duration sessionExpiry = Duration.ofDays(1);
    private Duration keepAlive = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private int maxInFlight = 16;
    private Will will;
    private String username;
    private char[] password;
    private SSLSocketFactory tls;
    private TlsMaterial tlsMaterial;

    private Builder(URI serverUri, String clientId) {
      this.serverUri = serverUri;
      this.clientId = clientId;
    }

    /** Start with a fresh session (default false: the broker keeps the session). */
    public Builder cleanStart(boolean cleanStart) {
      this.cleanStart = cleanStart;
      return this;
    }

    public Builder sessionExpiry(Duration sessionExpiry) {
      this.sessionExpiry = requireNonNegative(sessionExpiry, "sessionExpiry");
      return this;
    }

    public Builder keepAlive(Duration keepAlive) {
      this.keepAlive = requireNonNegative(keepAlive, "keepAlive");
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = requireNonNegative(connectTimeout, "connectTimeout");
      return this;
    }

    public Builder maxInFlight(int maxInFlight) {
      if (maxInFlight < 1 || maxInFlight > 65_535) {
        throw new IllegalArgumentException("maxInFlight must be 1..65535, was " + maxInFlight);
      }
      this.maxInFlight = maxInFlight;
      return this;
    }

    public Builder will(Will will) {
      this.will = Objects.requireNonNull(will, "will");
      return this;
    }

    public Builder credentials(String username, char[] password) {
      this.username = Objects.requireNonNull(username, "username");
      this.password = Objects.requireNonNull(password, "password").clone();
      return this;
    }

    /**
     * TLS for {@code ssl://} brokers: a socket factory holding the CA and, for mutual TLS, the key.
     * Only Paho's transport can use it; prefer {@link #tls(TlsMaterial)}, which every transport can.
     */
    public Builder tls(SSLSocketFactory tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      this.tlsMaterial = null;
      return this;
    }

    /** TLS for {@code ssl://} brokers from trust and key managers. */
    public Builder tls(TlsMaterial tls) {
      this.tlsMaterial = Objects.requireNonNull(tls, "tls");
      this.tls = tls.socketFactory();
      return this;
    }

    /**
     * TLS files and credentials: see {@link MqttSecurity}. Without TLS files an {@code ssl://}
     * broker is checked against the JVM's default trust store.
     *
     * @throws InvalidSecurityException if TLS files are given for a {@code tcp://} broker, or a PEM
     *     file cannot be read or parsed (the message names it)
     */
    public Builder security(MqttSecurity security) {
      Objects.requireNonNull(security, "security");
      if (security.hasTlsFiles()) {
        if (!"ssl".equals(serverUri.getScheme())) {
          throw new InvalidSecurityException("TLS files are given (" + security + ") but the broker URL "
              + serverUri + " is tcp://; use ssl://host:port");
        }
        tls(PemTls.material(security));
      }
      security.username().ifPresent(name -> this.username = name);
      security.password().ifPresent(secret -> this.password = secret.toCharArray());
      return this;
    }

    public MqttSettings build() {
      return new MqttSettings(
          serverUri,
          clientId,
          cleanStart,
          sessionExpiry,
          keepAlive,
          connectTimeout,
          maxInFlight,
          Optional.ofNullable(will),
          Optional.ofNullable(username),
          Optional.ofNullable(password),
          Optional.ofNullable(tls),
          Optional.ofNullable(tlsMaterial));
    }

    private static Duration requireNonNegative(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + value);
      }
      return value;
    }
  }
}
