/**
 * The cloud side of MQTT sync: {@link io.spime.twin.sync.FleetIngest} takes the fleet's uplink from
 * the broker, checks it, makes it durable in a {@link io.spime.twin.TwinStore} and acks it.
 */
package io.spime.twin.sync;
