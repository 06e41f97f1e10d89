package io.spime.broker;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded broker's TLS listener: its server certificate (PEM, chain allowed) and private key
 * (PEM, PKCS#8 or the traditional RSA/EC form), and optionally the CA whose client certificates it
 * requires (mutual TLS: a client without a certificate issued by that CA is refused in the handshake).
 */
public record BrokerTls(Path certificatePem, Path privateKeyPem, Optional<Path> requiredClientCaPem) {

  public BrokerTls {
    Objects.requireNonNull(certificatePem, "certificatePem");
    Objects.requireNonNull(privateKeyPem, "privateKeyPem");
    Objects.requireNonNull(requiredClientCaPem, "requiredClientCaPem");
  }

  /** TLS with a server certificate only: clients authenticate the broker, not the reverse. */
  public static BrokerTls serverOnly(Path certificatePem, Path privateKeyPem) {
    return new BrokerTls(certificatePem, privateKeyPem, Optional.empty());
  }

  /** Mutual TLS: every client must present a certificate issued by the CA in {@code clientCaPem}. */
  public static BrokerTls mutual(Path certificatePem, Path privateKeyPem, Path clientCaPem) {
    return new BrokerTls(certificatePem, privateKeyPem, Optional.of(clientCaPem));
  }
}
