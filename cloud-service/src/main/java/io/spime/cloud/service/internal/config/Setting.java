package io.spime.cloud.service.internal.config;

import java.util.Locale;

/** Every setting of spime-cloud: its key in the config file, its environment variable and default. */
public enum Setting {
  DATA_DIR("data.dir", "spime-cloud-data", "Folder of the SQLite store, keys and audit trail (created owner-only)."),
  HTTP_HOST("http.host", "127.0.0.1", "Address the HTTP API listens on."),
  HTTP_PORT("http.port", "8080", "Port of the HTTP API; 0 picks a free one."),
  BROKER_URL("broker.url", "", "MQTT broker (tcp:// or ssl://); empty starts an embedded broker on a free loopback port."),
  BROKER_CA_FILE("broker.ca-file", "", "PEM CA certificate the broker's certificate is checked against."),
  BROKER_CERT_FILE("broker.cert-file", "", "PEM client certificate for mutual TLS (with broker.key-file)."),
  BROKER_KEY_FILE("broker.key-file", "", "PEM private key of the client certificate."),
  BROKER_USERNAME("broker.username", "", "MQTT user name."),
  BROKER_PASSWORD_FILE("broker.password-file", "", "File holding the MQTT password (owner-only)."),
  INGEST_SHARE_GROUP("ingest.share-group", "spime-cloud", "MQTT 5 share group the ingest joins; empty: none."),
  INGEST_CLIENT_ID("ingest.client-id", "", "MQTT client id of the ingest; empty: a random one."),
  STORE_SQLITE_FILE("store.sqlite-file", "", "SQLite twin store; empty: twins.db in the data folder."),
  STORE_URL("store.url", "",
      "Twin store as a JDBC URL, jdbc:postgresql://host/db?user=NAME (password from SPIME_PG_PASSWORD or"
          + " the file named by SPIME_PG_PASSWORD_FILE) or jdbc:sqlite:FILE; empty: store.sqlite-file."),
  SIGNING_KEY_ID("signing.key-id", "spime-cloud-dev", "Id cars know the downlink signing key by."),
  SIGNING_KEY_FILE("signing.key-file", "",
      "Ed25519 private key (PKCS#8 PEM) signing desired state and commands; empty: downlink-signing.key in"
          + " the data folder, created with its .pub beside it if missing."),
  AUTH_ISSUER("auth.issuer", "spime-cloud-dev", "Required iss claim of bearer tokens."),
  AUTH_AUDIENCE("auth.audience", "spime-cloud", "Required aud claim of bearer tokens."),
  AUTH_JWKS_URL("auth.jwks-url", "", "JWKS URL of the identity provider's public keys (https)."),
  AUTH_JWKS_FILE("auth.jwks-file", "", "JWKS file of trusted public keys."),
  AUTH_ROLE_CLAIM("auth.role-claim", "spime_role", "Claim naming the caller's role."),
  AUTH_DEV_ISSUER("auth.dev-issuer", "auto",
      "true: trust the development issuer's key (dev-issuer.jwk in the data folder, created if missing);"
          + " auto: only when neither auth.jwks-url nor auth.jwks-file is set; false: never.");

  private final String key;
  private final String defaultValue;
  private final String description;

  Setting(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** The key in the properties file. */
  public String key() {
    return key;
  }

  /** The environment variable: {@code SPIME_CLOUD_} and the key in upper case, dots and dashes as '_'. */
  public String env() {
    return "SPIME_CLOUD_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The default value; empty for none. */
  public String defaultValue() {
    return defaultValue;
  }

  /** What the setting does. */
  public String description() {
    return description;
  }
}
