package io.spime.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made for one test: it issues server certificates for the loopback
 * address and client certificates whose subject CN is an identity (a VIN, the cloud's name), each
 * written as PEM files (certificate, PKCS#8 key, and the CA) readable by the owner only.
 *
 * <p>Negative cases: {@link #expiredClient} and {@link #expiredServer}; a certificate from a
 * different CA comes from a second {@code TestPki} in another directory.
 */
public final class TestPki {
  private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime());
  private static final Duration VALIDITY = Duration.ofDays(2);

  private final Path dir;
  private final X500Name name;
  private final KeyPair keys;
  private final X509Certificate certificate;
  private final Path caPem;

  private TestPki(Path dir, String commonName) {
    this.dir = dir;
    this.name = cn(commonName);
    this.keys = newKeyPair();
    Instant now = Instant.now();
    X509v3CertificateBuilder builder = issue(name, keys.getPublic(), now.minus(Duration.ofHours(1)), now.plus(VALIDITY));
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } catch (IOException e) {
      throw new IllegalStateException("cannot add the CA's extensions: " + e.getMessage(), e);
    }
    this.certificate = sign(builder);
    this.caPem = TestPem.write(dir.resolve(fileName(commonName) + ".pem"), List.of(certificate));
  }

  /**
   * A new CA named "spime test CA" whose certificate is written to {@code dir}/spime-test-ca.pem.
   *
   * @throws UncheckedIOException if the directory cannot be written
   */
  public static TestPki create(Path dir) {
    return create(dir, "spime test CA");
  }

  /**
   * A new CA with the given common name; its files go to {@code dir}, created if absent.
   *
   * @throws UncheckedIOException if the directory cannot be written
   */
  public static TestPki create(Path dir, String commonName) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    return new TestPki(dir, commonName);
  }

  /** The CA's certificate as a PEM file: what clients and brokers trust. */
  public Path caPem() {
    return caPem;
  }

  /** The CA's certificate. */
  public X509Certificate caCertificate() {
    return certificate;
  }

  /** A server certificate valid for 127.0.0.1, ::1 and localhost, written as server.pem / server-key.pem. */
  public TestCertificate server() {
    return server("server", List.of("127.0.0.1", "localhost", "::1"));
  }

  /**
   * A server certificate whose subject alternative names are {@code hosts} (IP addresses or DNS
   * names), written as {@code <fileName>.pem} and {@code <fileName>-key.pem}.
   */
  public TestCertificate server(String fileName, List<String> hosts) {
    Instant now = Instant.now();
    return leaf(fileName, hosts.isEmpty() ? "server" : hosts.get(0), hosts, KeyPurposeId.id_kp_serverAuth,
        now.minus(Duration.ofHours(1)), now.plus(VALIDITY));
  }

  /** A client certificate whose subject CN is {@code identity}, written as {@code <identity>.pem}. */
  public TestCertificate client(String identity) {
    Instant now = Instant.now();
    return leaf(fileName(identity), identity, List.of(), KeyPurposeId.id_kp_clientAuth,
        now.minus(Duration.ofHours(1)), now.plus(VALIDITY));
  }

  /** A client certificate for {@code identity} that expired yesterday. */
  public TestCertificate expiredClient(String identity) {
    Instant now = Instant.now();
    return leaf(fileName(identity) + "-expired", identity, List.of(), KeyPurposeId.id_kp_clientAuth,
        now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));
  }

  /** A server certificate for the loopback address that expired yesterday. */
  public TestCertificate expiredServer() {
    Instant now = Instant.now();
    return leaf("server-expired", "127.0.0.1", List.of("127.0.0.1", "localhost"), KeyPurposeId.id_kp_serverAuth,
        now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));
  }

  /** A key store holding this CA's certificate only, to trust what it issued. */
  public KeyStore trustStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("ca", certificate);
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a trust store: " + e.getMessage(), e);
    }
  }

  /** A TLS context that trusts this CA and presents no certificate of its own. */
  public SSLContext trustingContext() {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trustStore());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
    }
  }

  private TestCertificate leaf(String fileName, String commonName, List<String> hosts, KeyPurposeId purpose,
      Instant notBefore, Instant notAfter) {
    KeyPair leafKeys = newKeyPair();
    X509v3CertificateBuilder builder = issue(cn(commonName), leafKeys.getPublic(), notBefore, notAfter);
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
          .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate));
      if (!hosts.isEmpty()) {
        List<GeneralName> names = new ArrayList<>();
        for (String host : hosts) {
          boolean ip = host.chars().allMatch(c -> Character.isDigit(c) || c == '.') || host.contains(":");
          names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host));
        }
        builder.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(names.toArray(new GeneralName[0])));
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot add the certificate's extensions: " + e.getMessage(), e);
    }
    X509Certificate leaf = sign(builder);
    Path certPem = TestPem.write(dir.resolve(fileName + ".pem"), List.of(leaf));
    Path keyPem = TestPem.writeKey(dir.resolve(fileName + "-key.pem"), leafKeys.getPrivate());
    return new TestCertificate(certPem, keyPem, caPem, leaf, leafKeys.getPrivate(), certificate);
  }

  private X509v3CertificateBuilder issue(X500Name subject, PublicKey key, Instant notBefore, Instant notAfter) {
    return new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(SERIALS.incrementAndGet()),
        Date.from(notBefore), Date.from(notAfter), subject, key);
  }

  private X509Certificate sign(X509v3CertificateBuilder builder) {
    try {
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a certificate: " + e.getMessage(), e);
    }
  }

  private static X500Name cn(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  private static String fileName(String identity) {
    return identity.replaceAll("[^A-Za-z0-9._-]", "-");
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no EC P-256 key generator in this JVM", e);
    }
  }
}
