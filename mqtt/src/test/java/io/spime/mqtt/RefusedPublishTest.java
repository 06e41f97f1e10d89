package io.spime.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spime.broker.BrokerAccess;
import io.spime.broker.EmbeddedBroker;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A publish the broker answers with a failure reason fails its future, naming the reason. */
class RefusedPublishTest {
  private static final String CAR = "WBA00000000000001";

  @Test
  void a_publish_refused_as_not_authorized_fails_with_reason_135() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerAccess.builder().hashIterations(1_000)
        .password(CAR, "password-of-the-car".toCharArray()).build())) {
      MqttTransport car = MqttTransports.paho(MqttSettings.builder(broker.url(), "spime-agent-" + CAR)
          .security(MqttSecurity.builder().username(CAR).password("password-of-the-car").build())
          .connectTimeout(Duration.ofSeconds(10)).build(), (topic, payload) -> {});
      car.connect();
      car.publish("spime/v1/" + CAR + "/telemetry", new byte[] {1}, 1, false).get(10, TimeUnit.SECONDS);
      ExecutionException refused = assertThrows(ExecutionException.class, () -> car.publish(
          "spime/v1/" + CAR + "/command", new byte[] {1}, 1, false).get(10, TimeUnit.SECONDS));
      PublishRefusedException error = assertInstanceOf(PublishRefusedException.class, refused.getCause());
      assertEquals(135, error.reasonCode());
      car.close();
    }
  }
}
