package io.spime.cloud.sync.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The MQTT session of an ingest: a named member of a share group resumes its own session, kept a
 * bounded time after it went away; any other ingest's session ends with its connection, so a dead
 * process never keeps a share of the fleet's messages.
 */
public record MemberSession(String clientId, boolean cleanStart, Duration expiry) {
  /** How long a member's session outlives it unless told otherwise. */
  public static final Duration DEFAULT_EXPIRY = Duration.ofSeconds(30);
  private static final Duration MIN_EXPIRY = Duration.ofSeconds(1);
  private static final Duration MAX_EXPIRY = Duration.ofHours(1);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /**
   * The session for a group and member.
   *
   * @throws IllegalStateException if a member is named without a share group
   */
  public static MemberSession of(Optional<String> group, Optional<String> member, Duration expiry) {
    if (member.isEmpty()) {
      return new MemberSession("spime-ingest-" + UUID.randomUUID(), true, Duration.ZERO);
    }
    String shareGroup = group.orElseThrow(() -> new IllegalStateException(
        "member '" + member.get() + "' needs a share group: set shareGroup(…) as well"));
    return new MemberSession("spime-ingest-" + shareGroup + "-" + member.get(), false, expiry);
  }

  /** The member name, checked. */
  public static String checkName(String name) {
    Objects.requireNonNull(name, "member");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("member must be 1 to 64 of A-Z a-z 0-9 . _ -, was '" + name + "'");
    }
    return name;
  }

  /** The member session's expiry, checked to be bounded. */
  public static Duration checkExpiry(Duration expiry) {
    Objects.requireNonNull(expiry, "memberSessionExpiry");
    if (expiry.compareTo(MIN_EXPIRY) < 0 || expiry.compareTo(MAX_EXPIRY) > 0) {
      throw new IllegalArgumentException("memberSessionExpiry must be between 1 s and 1 h, was " + expiry);
    }
    return expiry;
  }
}
