package io.spime.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate issued by a {@link TestPki} and its files: {@code certificatePem} (the certificate),
 * {@code privateKeyPem} (its PKCS#8 key) and {@code caPem} (the issuing CA's certificate).
 */
public record TestCertificate(Path certificatePem, Path privateKeyPem, Path caPem, X509Certificate certificate,
    PrivateKey privateKey, X509Certificate ca) {

  /** A PKCS#12 key store holding the key under alias "key" with this certificate and the CA as its chain. */
  public KeyStore keyStore(char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("key", privateKey, password, new Certificate[] {certificate, ca});
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a key store: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@link #keyStore} to {@code file} (owner-only) for servers configured with a key store file.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public Path writeKeyStore(Path file, char[] password) {
    TestPem.ownerOnly(file, "");
    try (OutputStream out = Files.newOutputStream(file)) {
      keyStore(password).store(out, password);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode a key store: " + e.getMessage(), e);
    }
  }

  /** A TLS context that presents this certificate and trusts the CA that issued it. */
  public SSLContext sslContext() {
    try {
      char[] none = new char[0];
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keyStore(none), none);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", ca);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
    }
  }
}
