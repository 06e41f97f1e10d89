package io.spime.broker;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/** Plain Paho clients logging in with a username and password, for the access tests. */
final class Clients {
  private Clients() {}

  static MqttClient connect(String url, String clientId, String user, String password)
      throws MqttException {
    return connect(url, clientId, user, password, null);
  }

  static MqttClient connect(String url, String clientId, String user, String password, String willTopic)
      throws MqttException {
    MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setConnectionTimeout(10);
    options.setUserName(user);
    options.setPassword(password.getBytes(StandardCharsets.UTF_8));
    if (willTopic != null) {
      options.setWill(willTopic, new MqttMessage("offline".getBytes(StandardCharsets.UTF_8)));
    }
    client.connect(options);
    return client;
  }

  /**
   * The reason code the broker answered a QoS 1 publish with (0 or 16 = taken, 135 = not authorized).
   * HiveMQ follows a refusal with a DISCONNECT "not authorized", which counts as 135 too.
   */
  static int publish(MqttClient client, String topic, String payload) throws MqttException {
    MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
    message.setQos(1);
    IMqttToken token = client.getTopic(topic).publish(message);
    MqttException failure = null;
    try {
      token.waitForCompletion(10_000);
    } catch (MqttException e) {
      failure = e; // Paho fails the token on a refusal; the broker's reason code is still on it
    }
    int[] codes = token.getReasonCodes();
    if (codes != null && codes.length > 0) {
      return codes[0];
    }
    if (failure != null && String.valueOf(failure.getMessage()).contains("Disconnect RC: 135")) {
      return 135;
    }
    throw new AssertionError("no answer from the broker to the publish on " + topic, failure);
  }

  /** Whether a PUBACK reason code means the broker took the message (below 0x80). */
  static boolean accepted(int reasonCode) {
    return reasonCode < 0x80;
  }

  /** The reason code the broker answered a subscription with (1 = granted QoS 1, 135 = not authorized). */
  static int subscribe(MqttClient client, String filter, IMqttMessageListener listener)
      throws MqttException {
    IMqttToken token = client.subscribe(
        new MqttSubscription[] {new MqttSubscription(filter, 1)}, new IMqttMessageListener[] {listener});
    return token.getReasonCodes()[0];
  }

  static void closeQuietly(MqttClient client) {
    try {
      if (client.isConnected()) {
        client.disconnect();
      }
      client.close();
    } catch (MqttException e) {
      // the test is over; a client that will not close cleanly changes nothing it asserted
    }
  }
}
