package io.spime.broker.internal;

import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/** The identity a client certificate names: its subject's common name (CN). */
final class CertificateIdentity {
  private CertificateIdentity() {}

  /** The subject CN, or empty if the subject has none or more than one. */
  static Optional<String> of(X509Certificate certificate) {
    String subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    try {
      var names = new LdapName(subject).getRdns().stream()
          .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
          .map(Rdn::getValue)
          .map(String::valueOf)
          .toList();
      return names.size() == 1 ? Optional.of(names.get(0)) : Optional.empty();
    } catch (InvalidNameException e) {
      return Optional.empty(); // a subject the JDK itself cannot parse names nobody
    }
  }
}
