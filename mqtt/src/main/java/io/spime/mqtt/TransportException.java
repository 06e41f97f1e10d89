package io.spime.mqtt;

/** The MQTT link failed: connect refused, not connected, a publish or subscribe failed. */
public class TransportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The MQTT reason code, or -1 when there is none. */
  private final int reasonCode;

  public TransportException(String message, int reasonCode, Throwable cause) {
    super(message, cause);
    this.reasonCode = reasonCode;
  }

  public TransportException(String message) {
    this(message, -1, null);
  }

  /** The MQTT (or client) reason code, or -1 when there is none. */
  public int reasonCode() {
    return reasonCode;
  }
}
