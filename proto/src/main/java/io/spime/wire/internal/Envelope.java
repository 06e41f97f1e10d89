package io.spime.wire.internal;

import io.spime.wire.AssetId;
import io.spime.wire.signing.KeyId;
import io.spime.wire.signing.Subject;

/**
 * A signed envelope as read from the wire, not yet verified: the signature covers the payload's
 * first {@code signedLength} bytes. Holds its arrays as read; only this module sees it.
 */
public record Envelope(KeyId keyId, AssetId vin, Subject subject, long issuedMillis, long expiresMillis,
    byte[] body, byte[] signature, int signedLength) {}
