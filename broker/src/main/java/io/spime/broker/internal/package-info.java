/**
 * The embedded broker's access control: a HiveMQ extension ({@link
 * io.spime.broker.internal.AccessExtension}) that authenticates identities and applies {@link
 * io.spime.broker.internal.AccessRule} to every connect, will, publish and subscribe.
 */
@NullMarked
package io.spime.broker.internal;

import org.jspecify.annotations.NullMarked;
