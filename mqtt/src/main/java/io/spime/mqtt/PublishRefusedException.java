package io.spime.mqtt;

/**
 * The broker received a publish and refused it: its MQTT 5 PUBACK carried a reason code of 0x80 or
 * more (such as 0x87, not authorised, or 0x97, quota exceeded). The message was not delivered to
 * anyone; whoever holds it must keep it and may retry later.
 */
public final class PublishRefusedException extends TransportException {
  private static final long serialVersionUID = 1L;

  /** The lowest MQTT 5 reason code that means failure. */
  public static final int FIRST_FAILURE_CODE = 0x80;

  private final String topic;

  /**
   * A refusal of a publish to {@code topic} with {@code reasonCode}.
   *
   * @throws IllegalArgumentException if {@code reasonCode} is below {@link #FIRST_FAILURE_CODE}
   */
  public PublishRefusedException(String clientId, String topic, int reasonCode) {
    super(clientId + ": broker refused the publish to " + topic + " with reason code "
        + reasonCode + " (0x" + Integer.toHexString(reasonCode) + ")", checked(reasonCode), null);
    this.topic = topic;
  }

  /** The topic of the refused publish. */
  public String topic() {
    return topic;
  }

  private static int checked(int reasonCode) {
    if (reasonCode < FIRST_FAILURE_CODE) {
      throw new IllegalArgumentException("reasonCode " + reasonCode + " is a success, not a refusal");
    }
    return reasonCode;
  }
}
