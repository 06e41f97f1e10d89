package io.spime.mqtt;

/** Receives what arrives on a transport. Called on the transport's thread: return quickly. */
public interface TransportListener {
  /** A message on a subscribed topic. */
  void messageArrived(String topic, byte[] payload);

  /** The link dropped without {@link MqttTransport#disconnect()}. */
  default void connectionLost(Throwable cause) {}
}
