package io.spime.cloud.sync.internal;

import io.spime.cloud.sync.NoSigningKeyException;
import io.spime.wire.signing.DownlinkSigner;
import java.util.Optional;

/** The downlink's signing key, or the refusal to send without one. */
final class DownlinkSigning {
  private DownlinkSigning() {}

  /** @throws NoSigningKeyException if the ingest was built without a signing key */
  static DownlinkSigner require(Optional<DownlinkSigner> signer) {
    return signer.orElseThrow(() -> new NoSigningKeyException("the downlink has no signing key,"
        + " and cars refuse unsigned desired state and commands: give the ingest one with"
        + " FleetIngest.Builder.signingKeyFile(keyId, privateKeyPem) (docs/cloud-sync.md)"));
  }
}
