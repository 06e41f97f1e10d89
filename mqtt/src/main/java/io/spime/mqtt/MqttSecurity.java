package io.spime.mqtt;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a connection proves who it talks to and who it is: the CA to trust (PEM; without one an
 * {@code ssl://} broker is checked against the JVM's default trust store), a client certificate and
 * its PKCS#8 key for mutual TLS (PEM), and a user name and password. The broker's host name is always
 * verified against its certificate. Passwords come from a file or an environment variable ({@link
 * MqttSecrets}), never only from a command-line flag. Build with {@link #builder()}.
 */
public record MqttSecurity(
    Optional<Path> trustPem,
    Optional<Path> clientCertificatePem,
    Optional<Path> clientKeyPem,
    Optional<String> username,
    Optional<String> password) {

  private static final MqttSecurity NONE =
      new MqttSecurity(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Checks that a client certificate comes with its key.
   *
   * @throws InvalidSecurityException if one of certificate and key is set without the other
   */
  public MqttSecurity {
    Objects.requireNonNull(trustPem, "trustPem");
    Objects.requireNonNull(clientCertificatePem, "clientCertificatePem");
    Objects.requireNonNull(clientKeyPem, "clientKeyPem");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (clientCertificatePem.isPresent() && clientKeyPem.isEmpty()) {
      throw new InvalidSecurityException("the client certificate " + clientCertificatePem.get()
          + " is set without its private key: mutual TLS needs both");
    }
    if (clientKeyPem.isPresent() && clientCertificatePem.isEmpty()) {
      throw new InvalidSecurityException("the client key " + clientKeyPem.get()
          + " is set without its certificate: mutual TLS needs both");
    }
  }

  /** No TLS files and no credentials: plain {@code tcp://}, or {@code ssl://} with the JVM's trust store. */
  public static MqttSecurity none() {
    return NONE;
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether a CA file or a client certificate is set: these need an {@code ssl://} broker. */
  public boolean hasTlsFiles() {
    return trustPem.isPresent() || clientCertificatePem.isPresent();
  }

  /** Says which parts are set, never the password. */
  @Override
  public String toString() {
    return "MqttSecurity[trust=" + trustPem.map(Path::toString).orElse("JVM default")
        + ", clientCertificate=" + clientCertificatePem.map(Path::toString).orElse("none")
        + ", username=" + username.orElse("none") + ", password=" + (password.isPresent() ? "set" : "none") + "]";
  }

  /** Builds {@link MqttSecurity}. */
  public static final class Builder {
    private Path trustPem;
    private Path clientCertificatePem;
    private Path clientKeyPem;
    private String username;
    private String password;

    private Builder() {}

    /** Trust the CA certificate(s) in this PEM file instead of the JVM's default trust store. */
    public Builder trust(Path caPem) {
      this.trustPem = Objects.requireNonNull(caPem, "caPem");
      return this;
    }

    /** Mutual TLS: present this certificate (PEM, chain allowed) with its PKCS#8 private key (PEM). */
    public Builder clientCertificate(Path certificatePem, Path keyPem) {
      this.clientCertificatePem = Objects.requireNonNull(certificatePem, "certificatePem");
      this.clientKeyPem = Objects.requireNonNull(keyPem, "keyPem");
      return this;
    }

    /** The MQTT user name. */
    public Builder username(String username) {
      Objects.requireNonNull(username, "username");
      if (username.isEmpty()) {
        throw new InvalidSecurityException("the MQTT user name must not be empty");
      }
      this.username = username;
      return this;
    }

    /** The MQTT password; read it with {@link MqttSecrets}. */
    public Builder password(String password) {
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * The security value.
     *
     * @throws InvalidSecurityException if a client certificate lacks its key or the reverse
     */
    public MqttSecurity build() {
      return new MqttSecurity(Optional.ofNullable(trustPem), Optional.ofNullable(clientCertificatePem),
          Optional.ofNullable(clientKeyPem), Optional.ofNullable(username), Optional.ofNullable(password));
    }
  }
}
