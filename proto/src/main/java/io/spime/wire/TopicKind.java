package io.spime.wire;

/** The topics of wire protocol v1 under {@code spime/v1/{vin}/}, with direction and flags. */
public enum TopicKind {
  /** Up: agent version, boot, stream and last acked seq, on every connect. */
  BIRTH("birth", true, false),
  /** Up, retained, also the MQTT will: online / offline. */
  STATUS("status", true, true),
  /** Up: batches of samples. */
  TELEMETRY("telemetry", true, false),
  /** Up: discrete events. */
  EVENTS("events", true, false),
  /** Up: reported state. */
  REPORTED("reported", true, false),
  /** Down: highest seq the cloud has made durable. */
  ACK("ack", false, false),
  /** Down, retained: versioned desired state. */
  DESIRED("desired", false, true),
  /** Down: a command with id and expiry. */
  COMMAND("command", false, false);

  private final String segment;
  private final boolean uplink;
  private final boolean retained;

  TopicKind(String segment, boolean uplink, boolean retained) {
    this.segment = segment;
    this.uplink = uplink;
    this.retained = retained;
  }

  /** The last topic level, such as {@code telemetry}. */
  public String segment() {
    return segment;
  }

  /** Whether the car publishes it (true) or the cloud (false). */
  public boolean isUplink() {
    return uplink;
  }

  /** Whether it is published with the retain flag. */
  public boolean isRetained() {
    return retained;
  }
}
