package io.spime.broker.internal;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.packets.connect.WillPublishPacket;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds who connects (the client certificate's CN, else a username whose password matches), checks
 * the client id and the will against {@link AccessRule}, and remembers the identity on the connection
 * for the authorizers.
 */
final class IdentityAuthenticator implements SimpleAuthenticator {
  private static final Logger LOG = LoggerFactory.getLogger(IdentityAuthenticator.class);
  private static final int MAX_PASSWORD_BYTES = 1024;

  private final Identities identities;

  IdentityAuthenticator(Identities identities) {
    this.identities = identities;
  }

  @Override
  public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
    ConnectPacket connect = input.getConnectPacket();
    String clientId = input.getClientInformation().getClientId();
    Optional<String> identity = certificateIdentity(input).or(() -> passwordIdentity(connect));
    if (identity.isEmpty()) {
      refuse(output, ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, clientId,
          "no client certificate CN and no username with a matching password");
      return;
    }
    Optional<Principal> principal = Principal.of(identity.get(), identities.cloud());
    if (principal.isEmpty()) {
      refuse(output, ConnackReasonCode.NOT_AUTHORIZED, clientId,
          "identity '" + identity.get() + "' is neither a VIN nor a cloud identity");
      return;
    }
    Optional<String> refusal = AccessRule.refuseConnect(principal.get(), clientId);
    if (refusal.isEmpty()) {
      refusal = connect.getWillPublish().map(WillPublishPacket::getTopic)
          .filter(topic -> !AccessRule.mayPublish(principal.get(), topic))
          .map(topic -> identity.get() + " may not publish its will on " + topic);
    }
    if (refusal.isPresent()) {
      refuse(output, ConnackReasonCode.NOT_AUTHORIZED, clientId, refusal.get());
      return;
    }
    ConnectionIdentity.remember(input.getConnectionInformation(), identity.get());
    output.authenticateSuccessfully();
  }

  private static Optional<String> certificateIdentity(SimpleAuthInput input) {
    return input.getConnectionInformation().getClientTlsInformation()
        .flatMap(ClientTlsInformation::getClientCertificate)
        .flatMap(CertificateIdentity::of);
  }

  private Optional<String> passwordIdentity(ConnectPacket connect) {
    Optional<String> username = connect.getUserName();
    Optional<ByteBuffer> password = connect.getPassword();
    if (username.isEmpty() || password.isEmpty() || password.get().remaining() > MAX_PASSWORD_BYTES) {
      return Optional.empty();
    }
    char[] chars = decode(password.get());
    try {
      return identities.passwordMatches(username.get(), chars) ? username : Optional.empty();
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  private static char[] decode(ByteBuffer password) {
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(password.asReadOnlyBuffer());
      char[] copy = new char[chars.remaining()];
      chars.get(copy);
      return copy;
    } catch (CharacterCodingException e) {
      return new char[0]; // not UTF-8: matches no password
    }
  }

  private static void refuse(SimpleAuthOutput output, ConnackReasonCode code, String clientId, String why) {
    LOG.warn("refused connection of client id '{}': {}", clientId, why);
    output.failAuthentication(code, why);
  }
}
