package io.spime.cloud.sync;

import io.spime.wire.signing.DownlinkSigner;
import io.spime.wire.signing.DownlinkVerifier;
import io.spime.wire.signing.KeyFiles;
import io.spime.wire.signing.KeyId;
import java.security.KeyPair;
import java.util.Map;

/** The test cloud's downlink key: the ingests sign with it, the fake cars verify with it. */
final class TestKeys {
  static final KeyId KEY_ID = KeyId.of("test-cloud-1");
  static final KeyPair PAIR = KeyFiles.generate();
  static final DownlinkSigner SIGNER = DownlinkSigner.of(KEY_ID, PAIR.getPrivate());
  static final DownlinkVerifier VERIFIER = DownlinkVerifier.of(Map.of(KEY_ID, PAIR.getPublic()));

  private TestKeys() {}
}
