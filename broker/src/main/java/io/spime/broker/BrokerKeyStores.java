package io.spime.broker;

import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Turns the PEM files of a {@link BrokerTls} into the PKCS#12 key and trust stores HiveMQ reads. */
final class BrokerKeyStores {
  private BrokerKeyStores() {}

  /** Writes the server's key store (alias "server") to {@code file}, owner-only. */
  static void writeKeyStore(BrokerTls tls, Path file, char[] password) {
    List<X509Certificate> chain = certificates(tls.certificatePem());
    if (chain.isEmpty()) {
      throw new BrokerException("the broker certificate file " + tls.certificatePem() + " holds no certificate");
    }
    try {
      KeyStore store = emptyStore();
      store.setKeyEntry("server", privateKey(tls.privateKeyPem()), password, chain.toArray(new Certificate[0]));
      write(store, file, password);
    } catch (GeneralSecurityException | IOException e) {
      throw new BrokerException("cannot build the broker's key store from " + tls.certificatePem(), e);
    }
  }

  /** Writes a trust store of the CA certificates in {@code caPem} to {@code file}, owner-only. */
  static void writeTrustStore(Path caPem, Path file, char[] password) {
    List<X509Certificate> cas = certificates(caPem);
    if (cas.isEmpty()) {
      throw new BrokerException("the client CA file " + caPem + " holds no certificate");
    }
    try {
      KeyStore store = emptyStore();
      for (int i = 0; i < cas.size(); i++) {
        store.setCertificateEntry("ca-" + i, cas.get(i));
      }
      write(store, file, password);
    } catch (GeneralSecurityException | IOException e) {
      throw new BrokerException("cannot build the broker's trust store from " + caPem, e);
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }

  private static void write(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
    Files.deleteIfExists(file);
    OwnerOnlyFiles.createFile(file);
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password);
    }
  }

  private static List<X509Certificate> certificates(Path pem) {
    List<X509Certificate> certificates = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(pem, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
      for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
        if (item instanceof X509CertificateHolder holder) {
          certificates.add(converter.getCertificate(holder));
        }
      }
      return certificates;
    } catch (IOException | GeneralSecurityException e) {
      throw new BrokerException("cannot read certificates from " + pem, e);
    }
  }

  private static PrivateKey privateKey(Path pem) {
    try (Reader reader = Files.newBufferedReader(pem, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object item = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (item instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (item instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      throw new BrokerException("the broker key file " + pem + " holds no unencrypted private key");
    } catch (IOException e) {
      throw new BrokerException("cannot read the broker key " + pem, e);
    }
  }
}
