package io.spime.mqtt.internal;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Says in words why a connect failed, and whether the broker refused us (credentials, authorization,
 * TLS: an operator must act) rather than being unreachable (which a retry may cure). Shared by the
 * transports of every client library (public for spime-mqtt-hivemq).
 */
public final class ConnectFailures {
  /** A refusal: its kind (what {@link RefusalLog} compares) and its reason in words. */
  public record Refusal(String kind, String reason) {}

  /** MQTT 5 CONNACK reason codes of a refusal that a retry does not cure. */
  private static final int BAD_USER_NAME_OR_PASSWORD = 0x86;
  private static final int NOT_AUTHORIZED = 0x87;
  private static final int BANNED = 0x8A;
  private static final int BAD_AUTHENTICATION_METHOD = 0x8C;
  /** MQTT 3.1.1 CONNACK return codes, as a 3.1.1 broker (or Paho) reports them. */
  private static final int V3_BAD_CREDENTIALS = 4;
  private static final int V3_NOT_AUTHORIZED = 5;
  private static final String CHECK_CLIENT_CERTIFICATE =
      "check that the client certificate and key are set and issued by a CA the broker trusts";

  private ConnectFailures() {}

  /** The refusal, if the failure is one. */
  public static Optional<Refusal> refusal(int code, Throwable e, URI broker) {
    if (code == BAD_USER_NAME_OR_PASSWORD || code == V3_BAD_CREDENTIALS) {
      return Optional.of(new Refusal("credentials",
          "the broker " + broker + " refused the user name or password (reason " + code + ")"));
    }
    if (code == NOT_AUTHORIZED || code == V3_NOT_AUTHORIZED || code == BANNED) {
      return Optional.of(new Refusal("not-authorized", "the broker " + broker + " refused the connection: not "
          + "authorized (reason " + code + "; brokers such as Mosquitto answer so to a wrong user name or password too)"));
    }
    if (code == BAD_AUTHENTICATION_METHOD) {
      return Optional.of(new Refusal("authentication-method",
          "the broker " + broker + " does not accept this authentication method (reason " + code + ")"));
    }
    return tlsProblem(chain(e), "ssl".equals(broker.getScheme()))
        .map(r -> new Refusal(r.kind(), "TLS with " + broker + " failed: " + r.reason()));
  }

  /** A description of any connect failure: the refusal's reason, or the deepest cause's message. */
  public static String describe(int code, Throwable e, URI broker) {
    Optional<Refusal> refusal = refusal(code, e, broker);
    if (refusal.isPresent()) {
      return refusal.get().reason();
    }
    List<Throwable> chain = chain(e);
    Throwable root = chain.get(chain.size() - 1);
    if (root instanceof ConnectException) {
      return "nothing accepts connections at " + broker + " (" + root.getMessage() + ")";
    }
    return root == e ? e.getMessage() + " (reason " + code + ")" : e.getMessage() + ": " + root;
  }

  private static List<Throwable> chain(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static Optional<Refusal> tlsProblem(List<Throwable> chain, boolean overTls) {
    for (Throwable t : chain) {
      if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
        return Optional.of(new Refusal("tls-validity",
            "the broker's certificate is outside its validity period: " + t.getMessage()));
      }
    }
    for (Throwable t : chain) {
      if (t instanceof CertPathValidatorException || t instanceof CertPathBuilderException) {
        return Optional.of(new Refusal("tls-untrusted", "the broker's certificate is not signed by a CA this "
            + "client trusts (" + t.getMessage() + "); give the broker's CA file, or check the broker's certificate"));
      }
    }
    for (Throwable t : chain) {
      if (t instanceof SSLException) {
        return Optional.of(sslProblem(String.valueOf(t.getMessage())));
      }
    }
    if (overTls) {
      for (Throwable t : chain) {
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (t instanceof EOFException
            || (t instanceof SocketException && (message.contains("broken pipe") || message.contains("reset")))) {
          // TLS 1.3: the server checks the client's certificate after the client's side of the handshake
          // is done, so a refused certificate often shows as a connection closed under the first packet.
          return Optional.of(new Refusal("tls-client-certificate", "the broker closed the connection right after "
              + "the TLS handshake (" + t.getMessage() + "), which is how a broker refusing the client's "
              + "certificate shows with TLS 1.3; " + CHECK_CLIENT_CERTIFICATE));
        }
      }
    }
    return Optional.empty();
  }

  private static Refusal sslProblem(String message) {
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
      return new Refusal("tls-hostname", "the broker's certificate does not name the host the client connects "
          + "to (" + message + "); hostname verification is on: connect by a name the certificate holds");
    }
    if (lower.contains("bad_certificate") || lower.contains("unknown_ca") || lower.contains("certificate_required")
        || lower.contains("certificate_unknown") || lower.contains("certificate_expired")
        || lower.contains("access_denied")) {
      return new Refusal("tls-client-certificate",
          "the broker refused this client's certificate (" + message + "); " + CHECK_CLIENT_CERTIFICATE);
    }
    return new Refusal("tls:" + message, message);
  }
}
