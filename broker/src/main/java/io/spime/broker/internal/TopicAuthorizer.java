package io.spime.broker.internal;

import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@link AccessRule} to every PUBLISH and every SUBSCRIBE; refusals are "not authorized". */
final class TopicAuthorizer implements PublishAuthorizer, SubscriptionAuthorizer {
  private static final Logger LOG = LoggerFactory.getLogger(TopicAuthorizer.class);

  private final Set<String> cloud;

  TopicAuthorizer(Set<String> cloud) {
    this.cloud = cloud;
  }

  @Override
  public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
    String topic = input.getPublishPacket().getTopic();
    Optional<Principal> principal = principal(ConnectionIdentity.of(input.getConnectionInformation()));
    if (principal.isPresent() && AccessRule.mayPublish(principal.get(), topic)) {
      output.authorizeSuccessfully();
      return;
    }
    String who = principal.map(Principal::identity).orElse("an unknown identity");
    LOG.warn("refused publish of {} (client id '{}') on {}", who,
        input.getClientInformation().getClientId(), topic);
    output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, who + " may not publish on " + topic);
  }

  @Override
  public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
    String filter = input.getSubscription().getTopicFilter();
    Optional<Principal> principal = principal(ConnectionIdentity.of(input.getConnectionInformation()));
    if (principal.isPresent() && AccessRule.maySubscribe(principal.get(), filter)) {
      output.authorizeSuccessfully();
      return;
    }
    String who = principal.map(Principal::identity).orElse("an unknown identity");
    LOG.warn("refused subscription of {} (client id '{}') to {}", who,
        input.getClientInformation().getClientId(), filter);
    output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, who + " may not subscribe to " + filter);
  }

  private Optional<Principal> principal(Optional<String> identity) {
    return identity.flatMap(name -> Principal.of(name, cloud));
  }
}
