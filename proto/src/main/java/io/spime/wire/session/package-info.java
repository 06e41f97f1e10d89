/**
 * The session between a car and the cloud: birth, status (also the MQTT will), acks, and their
 * {@link io.spime.wire.session.SessionCodec}.
 */
@NullMarked
package io.spime.wire.session;

import org.jspecify.annotations.NullMarked;
