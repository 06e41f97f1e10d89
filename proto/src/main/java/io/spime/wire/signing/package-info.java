/**
 * The signed downlink: desired state and commands travel in an Ed25519-signed envelope that binds
 * them to one car, one kind, one version or command id and a validity window. The cloud holds a
 * {@link io.spime.wire.signing.DownlinkSigner}, each car a {@link
 * io.spime.wire.signing.DownlinkVerifier} with the cloud's public keys pinned by {@link
 * io.spime.wire.signing.KeyId}; {@link io.spime.wire.signing.KeyFiles} reads and writes the keys as
 * PEM. The envelope's byte layout is in {@code docs/protocol.md}, the threat it answers in {@code
 * docs/security.md}.
 */
@NullMarked
package io.spime.wire.signing;

import org.jspecify.annotations.NullMarked;
