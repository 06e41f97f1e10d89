/**
 * The MQTT 5 seam shared by the edge agent and the cloud side: {@link io.spime.mqtt.MqttTransport},
 * created by a {@link io.spime.mqtt.MqttTransportFactory} (Paho's: {@link io.spime.mqtt.MqttTransports#paho()})
 * from {@link io.spime.mqtt.MqttSettings}.
 */
@NullMarked
package io.spime.mqtt;

import org.jspecify.annotations.NullMarked;
