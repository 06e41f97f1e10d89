package io.spime.mqtt.internal;

import io.spime.mqtt.InvalidSecurityException;
import io.spime.mqtt.MqttSecurity;
import io.spime.mqtt.TlsMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** Builds TLS managers and a socket factory from the PEM files of an {@link MqttSecurity}. */
public final class PemTls {
  private static final String BEGIN_KEY = "-----BEGIN PRIVATE KEY-----";
  private static final String END_KEY = "-----END PRIVATE KEY-----";

  private PemTls() {}

  /**
   * Trusts the CA file (or the JVM's default trust store without one) and, with a client
   * certificate and key, presents them (mutual TLS).
   *
   * @throws InvalidSecurityException naming the file that cannot be read or parsed
   */
  public static SSLSocketFactory socketFactory(MqttSecurity security) {
    return material(security).socketFactory();
  }

  /**
   * The trust and key managers of {@link #socketFactory}, for clients configured from managers.
   *
   * @throws InvalidSecurityException naming the file that cannot be read or parsed
   */
  public static TlsMaterial material(MqttSecurity security) {
    try {
      TrustManagerFactory trust = null; // none: the JVM's default trust store
      if (security.trustPem().isPresent()) {
        KeyStore store = emptyStore();
        int i = 0;
        for (Certificate ca : certificates(security.trustPem().get(), "CA file")) {
          store.setCertificateEntry("ca-" + i++, ca);
        }
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
      }
      KeyManagerFactory keys = null;
      if (security.clientCertificatePem().isPresent() && security.clientKeyPem().isPresent()) {
        char[] none = new char[0];
        KeyStore store = emptyStore();
        store.setKeyEntry("client", privateKey(security.clientKeyPem().get()), none,
            certificates(security.clientCertificatePem().get(), "client certificate").toArray(new Certificate[0]));
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, none);
      }
      return new TlsMaterial(Optional.ofNullable(trust), Optional.ofNullable(keys));
    } catch (GeneralSecurityException | IOException e) {
      throw new InvalidSecurityException("cannot set up TLS from " + security + ": " + e.getMessage(), e);
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }

  private static Collection<? extends Certificate> certificates(Path pem, String what) {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new InvalidSecurityException("the " + what + " " + pem + " holds no PEM certificate");
      }
      return certs;
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidSecurityException("cannot read the " + what + " " + pem + ": " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(Path pem) {
    String text;
    try {
      text = Files.readString(pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new InvalidSecurityException("cannot read the client key " + pem + ": " + e, e);
    }
    int begin = text.indexOf(BEGIN_KEY);
    int end = text.indexOf(END_KEY);
    if (begin < 0 || end < begin) {
      throw new InvalidSecurityException("the client key " + pem + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY); "
          + "convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN_KEY.length(), end));
    } catch (IllegalArgumentException e) {
      throw new InvalidSecurityException("the client key " + pem + " holds broken base64: " + e.getMessage(), e);
    }
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // not this algorithm: try the next one
      }
    }
    throw new InvalidSecurityException("the client key " + pem + " is not a readable RSA, EC or Ed25519 PKCS#8 key");
  }
}
