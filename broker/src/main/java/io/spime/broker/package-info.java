/**
 * An in-process MQTT 5 broker for tests and the simulator's embedded mode: start with {@link
 * io.spime.broker.EmbeddedBroker#start()}.
 */
@NullMarked
package io.spime.broker;

import org.jspecify.annotations.NullMarked;
