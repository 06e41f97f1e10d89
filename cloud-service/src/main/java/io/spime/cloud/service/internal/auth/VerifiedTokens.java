package io.spime.cloud.service.internal.auth;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Bearer tokens already verified, so that a client repeating its token is not checked again by an
 * ECDSA or RSA signature verification on every request. Keyed by the exact token text: only a token
 * identical to one that passed every check is found here. An entry counts until the token's expiry
 * (never longer than the full check would accept it) and at most {@link #MAX_AGE} after its check, so
 * a key withdrawn from the trusted set stops counting soon after. Bounded by the characters held.
 */
final class VerifiedTokens {
  /** How long a verified token is taken on trust before its signature is checked again. */
  static final Duration MAX_AGE = Duration.ofMinutes(5);
  /** The characters of tokens held at most (tokens are at most 8 KiB each; typical ones under 1 KiB). */
  static final long MAX_CHARS = 4L * 1024 * 1024;

  private record Entry(Caller caller, Instant until) {}

  private final Clock clock;
  private final Cache<String, Entry> entries = CacheBuilder.newBuilder()
      .maximumWeight(MAX_CHARS)
      .weigher((String token, Entry e) -> token.length())
      .expireAfterWrite(MAX_AGE)
      .build();

  VerifiedTokens(Clock clock) {
    this.clock = clock;
  }

  /** The caller of a token verified earlier that still counts now. */
  Optional<Caller> find(String token) {
    Entry e = entries.getIfPresent(token);
    if (e == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(e.until())) {
      entries.invalidate(token);
      return Optional.empty();
    }
    return Optional.of(e.caller());
  }

  /** Remembers a token that has just passed every check, until its expiry or {@link #MAX_AGE}. */
  void put(String token, Caller caller, Instant expiry) {
    Instant until = clock.instant().plus(MAX_AGE);
    entries.put(token, new Entry(caller, expiry.isBefore(until) ? expiry : until));
  }

  /** The tokens held, for tests. */
  long size() {
    entries.cleanUp();
    return entries.size();
  }
}
