package io.spime.broker.internal;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;

/** The HiveMQ extension that authenticates every client and authorizes every publish and subscribe. */
public final class AccessExtension implements ExtensionMain {
  private final Identities identities;

  private AccessExtension(Identities identities) {
    this.identities = identities;
  }

  /** The extension, ready to hand to the embedded broker's builder. */
  public static EmbeddedExtension embedded(Identities identities) {
    return EmbeddedExtension.builder()
        .withId("spime-access")
        .withName("spime access: a car speaks only for itself")
        .withVersion("1")
        .withAuthor("spime")
        .withPriority(1000)
        .withStartPriority(1000)
        .withExtensionMain(new AccessExtension(identities))
        .build();
  }

  @Override
  public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
    IdentityAuthenticator authenticator = new IdentityAuthenticator(identities);
    TopicAuthorizer authorizer = new TopicAuthorizer(identities.cloud());
    Services.securityRegistry().setAuthenticatorProvider(provider -> authenticator);
    Services.securityRegistry().setAuthorizerProvider(provider -> authorizer);
  }

  @Override
  public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
    // HiveMQ removes the providers of a stopped extension itself.
  }
}
