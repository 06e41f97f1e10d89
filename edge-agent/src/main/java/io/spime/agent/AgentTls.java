package io.spime.agent;

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
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** Builds the TLS socket factory for {@link EdgeAgent.Builder#tls} from PEM files. */
public final class AgentTls {
  private AgentTls() {}

  /**
   * TLS that trusts the server certificates signed by the CA in {@code caPem}; with a client
   * certificate chain and its PKCS#8 private key (RSA or EC), mutual TLS.
   *
   * @throws InvalidAgentConfigException naming the file that cannot be read or parsed
   */
  public static SSLSocketFactory fromPem(Path caPem, Optional<Path> clientCertPem, Optional<Path> clientKeyPem) {
    if (clientCertPem.isPresent() != clientKeyPem.isPresent()) {
      throw new InvalidAgentConfigException("mutual TLS needs both a client certificate and its key");
    }
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate ca : certificates(caPem)) {
        trust.setCertificateEntry("ca-" + i++, ca);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      KeyManagerFactory kmf = null;
      if (clientCertPem.isPresent()) {
        char[] none = new char[0];
        KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
        keys.load(null, null);
        keys.setKeyEntry("client", privateKey(clientKeyPem.get()), none,
            certificates(clientCertPem.get()).toArray(new Certificate[0]));
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, none);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new InvalidAgentConfigException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static Collection<? extends Certificate> certificates(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new InvalidAgentConfigException("no certificate in " + pem);
      }
      return certs;
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidAgentConfigException("cannot read certificates from " + pem + ": " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(Path pem) {
    String text;
    try {
      text = Files.readString(pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new InvalidAgentConfigException("cannot read the private key " + pem + ": " + e.getMessage(), e);
    }
    int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = text.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new InvalidAgentConfigException(pem + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY); "
          + "convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
    } catch (IllegalArgumentException e) {
      throw new InvalidAgentConfigException(pem + " holds broken base64: " + e.getMessage(), e);
    }
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new InvalidAgentConfigException(pem + " holds a key that is not RSA, EC or Ed25519");
  }
}
