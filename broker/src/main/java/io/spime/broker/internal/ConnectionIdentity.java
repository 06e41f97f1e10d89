package io.spime.broker.internal;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import java.util.Optional;

/** The authenticated identity, kept in the connection's attribute store for the authorizers. */
final class ConnectionIdentity {
  private static final String KEY = "io.spime.broker.identity";

  private ConnectionIdentity() {}

  static void remember(ConnectionInformation connection, String identity) {
    connection.getConnectionAttributeStore().putAsString(KEY, identity);
  }

  static Optional<String> of(ConnectionInformation connection) {
    return connection.getConnectionAttributeStore().getAsString(KEY);
  }
}
