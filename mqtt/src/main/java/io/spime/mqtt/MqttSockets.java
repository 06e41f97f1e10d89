package io.spime.mqtt;

import io.spime.mqtt.internal.NoDelaySockets;
import javax.net.SocketFactory;

/**
 * The sockets {@link MqttTransports#paho} connects on, for a Paho client that runs beside the
 * transport (the simulator's benchmark measures the broker with one): Nagle's algorithm off.
 */
public final class MqttSockets {
  private MqttSockets() {}

  /**
   * Plain TCP sockets with {@code TCP_NODELAY}, as the transport opens for {@code tcp://} brokers;
   * without it a client that waits for each small acknowledgement stalls about 40 ms a round trip.
   */
  public static SocketFactory noDelay() {
    return NoDelaySockets.plain();
  }
}
