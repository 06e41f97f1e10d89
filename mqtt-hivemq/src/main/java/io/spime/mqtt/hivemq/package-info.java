/**
 * An {@link io.spime.mqtt.MqttTransport} on the HiveMQ MQTT client, for many clients in one JVM:
 * start at {@link io.spime.mqtt.hivemq.HiveMqTransports}.
 */
@NullMarked
package io.spime.mqtt.hivemq;

import org.jspecify.annotations.NullMarked;
