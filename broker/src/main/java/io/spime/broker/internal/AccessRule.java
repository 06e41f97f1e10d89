package io.spime.broker.internal;

import io.spime.wire.ClientIds;
import io.spime.wire.Topics;
import io.spime.wire.VehicleTopic;
import io.spime.wire.AssetId;
import io.spime.wire.WireException;
import java.util.Optional;

/**
 * The rule every broker of the fleet enforces: a car (an identity that is a VIN) connects only as
 * {@code spime-agent-{VIN}}, publishes only car-side kinds on its own topics and subscribes only to
 * its own downlink; a cloud identity publishes only downlink kinds and may read everything under
 * {@code spime/v1/}, shared or not. Anything else is refused.
 */
public final class AccessRule {
  private static final String SHARE = "$share/";

  private AccessRule() {}

  /** Why this principal may not connect with this client id, or empty if it may. */
  public static Optional<String> refuseConnect(Principal principal, String clientId) {
    Optional<AssetId> car = principal.car();
    if (car.isPresent()) {
      String expected = ClientIds.car(car.get());
      return expected.equals(clientId)
          ? Optional.empty()
          : Optional.of("car " + principal.identity() + " must connect as client id " + expected);
    }
    return clientId.startsWith(ClientIds.CAR_PREFIX)
        ? Optional.of("client ids starting with " + ClientIds.CAR_PREFIX + " belong to cars")
        : Optional.empty();
  }

  /** Whether this principal may publish on this topic (a will included). */
  public static boolean mayPublish(Principal principal, String topic) {
    Optional<VehicleTopic> parsed = parse(topic);
    if (parsed.isEmpty()) {
      return false;
    }
    VehicleTopic target = parsed.get();
    return principal.car()
        .map(vin -> vin.equals(target.vin()) && target.kind().isUplink())
        .orElse(!target.kind().isUplink());
  }

  /** Whether this principal may subscribe to this topic filter (shared subscriptions included). */
  public static boolean maySubscribe(Principal principal, String filter) {
    if (principal.car().isEmpty()) {
      return isUnderPrefix(withoutShare(filter));
    }
    // A car reads its own downlink, exactly: no wildcards, no shared subscriptions.
    return parse(filter)
        .map(target -> target.vin().equals(principal.car().get()) && !target.kind().isUplink())
        .orElse(false);
  }

  private static boolean isUnderPrefix(Optional<String> filter) {
    return filter.map(f -> f.startsWith(Topics.PREFIX)).orElse(false);
  }

  private static Optional<String> withoutShare(String filter) {
    if (!filter.startsWith(SHARE)) {
      return Optional.of(filter);
    }
    int slash = filter.indexOf('/', SHARE.length());
    return slash < 0 ? Optional.empty() : Optional.of(filter.substring(slash + 1));
  }

  private static Optional<VehicleTopic> parse(String topic) {
    try {
      return Optional.of(Topics.parse(topic));
    } catch (WireException e) {
      return Optional.empty(); // not one of the fleet's topics (wildcards included): refused
    }
  }
}
