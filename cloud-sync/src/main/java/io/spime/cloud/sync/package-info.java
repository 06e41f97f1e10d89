/**
 * The cloud side of MQTT sync: {@link io.spime.cloud.sync.FleetIngest} takes the fleet's uplink from
 * the broker, checks it, makes it durable in a twin store and acks it, and sends desired state and
 * commands down to the cars.
 */
@NullMarked
package io.spime.cloud.sync;

import org.jspecify.annotations.NullMarked;
