package io.spime.wire;

import java.util.Objects;

/** Builds and parses the per-vehicle topics {@code spime/v1/{vin}/{kind}}. */
public final class Topics {
  /** The common prefix of every v1 topic. */
  public static final String PREFIX = "spime/v1/";

  private Topics() {}

  /** The topic of this kind for this vehicle. */
  public static String of(AssetId vin, TopicKind kind) {
    return PREFIX + Objects.requireNonNull(vin, "vin").value() + "/" + kind.segment();
  }

  /** The filter matching this kind for every vehicle: {@code spime/v1/+/{kind}}. */
  public static String allVehicles(TopicKind kind) {
    return PREFIX + "+/" + kind.segment();
  }

  /**
   * An MQTT 5 shared subscription of this kind for every vehicle, so that the members of {@code
   * group} split the fleet: {@code $share/{group}/spime/v1/+/{kind}}.
   *
   * @throws IllegalArgumentException if the group is empty or holds {@code / + #}
   */
  public static String shared(String group, TopicKind kind) {
    if (group == null || group.isEmpty()
        || group.chars().anyMatch(c -> c == '/' || c == '+' || c == '#')) {
      throw new IllegalArgumentException("share group must be non-empty without / + #: " + group);
    }
    return "$share/" + group + "/" + allVehicles(kind);
  }

  /**
   * Parses a v1 topic.
   *
   * @throws InvalidTopicException if it is not {@code spime/v1/{vin}/{kind}} with a known kind
   * @throws InvalidVinException if the VIN level is not a VIN in canonical form (17 allowed
   *     characters, upper case; the check digit is not verified)
   */
  public static VehicleTopic parse(String topic) {
    if (topic == null || !topic.startsWith(PREFIX)) {
      throw new InvalidTopicException("topic '" + topic + "' is not under " + PREFIX);
    }
    String rest = topic.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    if (slash < 0 || rest.indexOf('/', slash + 1) >= 0) {
      throw new InvalidTopicException("topic '" + topic + "' is not spime/v1/{vin}/{kind}");
    }
    String segment = rest.substring(slash + 1);
    for (TopicKind kind : TopicKind.values()) {
      if (kind.segment().equals(segment)) {
        // MQTT topics are case-sensitive and broker ACLs match them exactly: a VIN level that is
        // not already canonical is refused rather than normalised into another car's topic.
        return new VehicleTopic(new AssetId(rest.substring(0, slash)), kind);
      }
    }
    throw new InvalidTopicException("topic '" + topic + "' has unknown kind '" + segment + "'");
  }
}
