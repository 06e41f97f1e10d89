package io.spime.mqtt;

import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * What a TLS connection trusts and presents: trust managers (empty: the JVM's default trust store)
 * and key managers holding a client certificate for mutual TLS (empty: none). Clients that do not
 * take a socket factory (the HiveMQ client) are configured from these.
 */
public record TlsMaterial(Optional<TrustManagerFactory> trust, Optional<KeyManagerFactory> keys) {
  public TlsMaterial {
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(keys, "keys");
  }

  /**
   * A socket factory of a TLS context made from these managers.
   *
   * @throws InvalidSecurityException if the JVM offers no TLS context
   */
  public SSLSocketFactory socketFactory() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.map(KeyManagerFactory::getKeyManagers).orElse(null),
          trust.map(TrustManagerFactory::getTrustManagers).orElse(null), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new InvalidSecurityException("cannot set up a TLS context: " + e.getMessage(), e);
    }
  }
}
