package io.spime.agent.internal;

import java.security.SecureRandom;

/** Random 64-bit ids that are never 0 (0 means "none" on the wire): boot ids and stream ids. */
final class RandomIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomIds() {}

  static long nonZero() {
    long id;
    do {
      id = RANDOM.nextLong();
    } while (id == 0);
    return id;
  }
}
