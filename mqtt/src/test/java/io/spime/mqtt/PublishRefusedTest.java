package io.spime.mqtt;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * A refusal carries a failure code. The refusals themselves, by HiveMQ's authorizer and Mosquitto's
 * ACL, are part of {@link TransportContract}.
 */
class PublishRefusedTest {

  @Test
  void a_refusal_code_must_be_a_failure_code() {
    assertThrows(IllegalArgumentException.class, () -> new PublishRefusedException("c", "t", 0x10));
  }
}
