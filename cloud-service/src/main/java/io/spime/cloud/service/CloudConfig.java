package io.spime.cloud.service;

import io.spime.cloud.service.internal.config.ConfigSource;
import io.spime.cloud.service.internal.config.Setting;
import io.spime.twin.TwinStores;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of spime-cloud, read from an optional properties file and the environment
 * ({@code SPIME_CLOUD_...}, which wins); docs/cloud-service.md lists every one.
 *
 * @param dataDir folder of the store, keys and audit trail
 * @param httpHost address the API listens on
 * @param httpPort its port; 0 picks a free one
 * @param brokerUrl the MQTT broker; empty: an embedded one
 * @param brokerCaFile CA of the broker's certificate
 * @param brokerCertFile client certificate (mutual TLS)
 * @param brokerKeyFile its key
 * @param brokerUsername MQTT user name
 * @param brokerPasswordFile file holding the MQTT password
 * @param shareGroup the ingest's share group
 * @param ingestClientId the ingest's client id
 * @param storeFile the SQLite twin store, unless {@code storeUrl} names another
 * @param storeUrl the twin store as a JDBC URL (PostgreSQL or SQLite); empty: {@code storeFile}
 * @param signingKeyId id of the downlink signing key
 * @param signingKeyFile the downlink signing key; empty: one in the data folder, created if missing
 * @param authIssuer required {@code iss} of tokens
 * @param authAudience required {@code aud} of tokens
 * @param jwksUrl the identity provider's JWKS URL
 * @param jwksFile a JWKS file of trusted keys
 * @param roleClaim the claim naming the caller's role
 * @param devIssuer whether the development issuer's key is trusted
 */
public record CloudConfig(
    Path dataDir,
    String httpHost,
    int httpPort,
    Optional<String> brokerUrl,
    Optional<Path> brokerCaFile,
    Optional<Path> brokerCertFile,
    Optional<Path> brokerKeyFile,
    Optional<String> brokerUsername,
    Optional<Path> brokerPasswordFile,
    Optional<String> shareGroup,
    Optional<String> ingestClientId,
    Path storeFile,
    Optional<String> storeUrl,
    String signingKeyId,
    Optional<Path> signingKeyFile,
    String authIssuer,
    String authAudience,
    Optional<URI> jwksUrl,
    Optional<Path> jwksFile,
    String roleClaim,
    boolean devIssuer) {

  public CloudConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    if (httpPort < 0 || httpPort > 65535) {
      throw new InvalidConfigException("http.port must be 0 to 65535, was " + httpPort);
    }
    if (authIssuer.isBlank() || authAudience.isBlank() || roleClaim.isBlank()) {
      throw new InvalidConfigException("auth.issuer, auth.audience and auth.role-claim must not be empty");
    }
    storeUrl.ifPresent(url -> {
      if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:sqlite:")) {
        throw new InvalidConfigException("store.url (" + Setting.STORE_URL.env()
            + ") must start with jdbc:postgresql: or jdbc:sqlite:, was '" + TwinStores.redact(url) + "'");
      }
    });
    if (!devIssuer && jwksUrl.isEmpty() && jwksFile.isEmpty()) {
      throw new InvalidConfigException(
          "no key to verify tokens with: set auth.jwks-url or auth.jwks-file, or auth.dev-issuer=true");
    }
  }

  /**
   * The settings from the file, if any, and the environment.
   *
   * @throws InvalidConfigException naming the setting that is malformed, or the file's problem
   */
  public static CloudConfig load(Optional<Path> file, Map<String, String> env) {
    Map<Setting, String> v = ConfigSource.read(file, env);
    Path data = Path.of(v.get(Setting.DATA_DIR).isEmpty() ? "spime-cloud-data" : v.get(Setting.DATA_DIR));
    Optional<URI> jwksUrl = opt(v, Setting.AUTH_JWKS_URL).map(CloudConfig::uri);
    Optional<Path> jwksFile = opt(v, Setting.AUTH_JWKS_FILE).map(Path::of);
    return new CloudConfig(
        data,
        v.get(Setting.HTTP_HOST),
        port(v.get(Setting.HTTP_PORT)),
        opt(v, Setting.BROKER_URL),
        opt(v, Setting.BROKER_CA_FILE).map(Path::of),
        opt(v, Setting.BROKER_CERT_FILE).map(Path::of),
        opt(v, Setting.BROKER_KEY_FILE).map(Path::of),
        opt(v, Setting.BROKER_USERNAME),
        opt(v, Setting.BROKER_PASSWORD_FILE).map(Path::of),
        opt(v, Setting.INGEST_SHARE_GROUP),
        opt(v, Setting.INGEST_CLIENT_ID),
        opt(v, Setting.STORE_SQLITE_FILE).map(Path::of).orElse(data.resolve("twins.db")),
        opt(v, Setting.STORE_URL),
        v.get(Setting.SIGNING_KEY_ID),
        opt(v, Setting.SIGNING_KEY_FILE).map(Path::of),
        v.get(Setting.AUTH_ISSUER),
        v.get(Setting.AUTH_AUDIENCE),
        jwksUrl,
        jwksFile,
        v.get(Setting.AUTH_ROLE_CLAIM),
        devIssuer(v.get(Setting.AUTH_DEV_ISSUER), jwksUrl.isPresent() || jwksFile.isPresent()));
  }

  /** Where the twin store is, as {@link TwinStores#open} takes it: the URL, else the SQLite file. */
  public String storeLocation() {
    return storeUrl.orElse(storeFile.toString());
  }

  /** The development issuer's key file in the data folder. */
  public Path devIssuerKeyFile() {
    return dataDir.resolve("dev-issuer.jwk");
  }

  private static Optional<String> opt(Map<Setting, String> v, Setting s) {
    return Optional.of(v.get(s)).filter(x -> !x.isEmpty());
  }

  private static int port(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(
          "http.port (" + Setting.HTTP_PORT.env() + ") must be a number, was '" + text + "'", e);
    }
  }

  private static URI uri(String text) {
    try {
      URI uri = new URI(text);
      String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http")) {
        throw new InvalidConfigException("auth.jwks-url must be an http(s) URL, was '" + text + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidConfigException("auth.jwks-url is not a URL: '" + text + "'", e);
    }
  }

  private static boolean devIssuer(String text, boolean keysConfigured) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      case "auto":
        return !keysConfigured;
      default:
        throw new InvalidConfigException("auth.dev-issuer must be true, false or auto, was '" + text + "'");
    }
  }
}
