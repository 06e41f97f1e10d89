package io.spime.sim.bench.loopback;

import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import java.util.List;

/**
 * How a loopback run connects and subscribes.
 *
 * @param name a short name for the table
 * @param filter the subscriber's topic filter
 * @param noDelay whether every connection is plain Paho with TCP_NODELAY instead of spime's transport
 */
public record LoopbackShape(String name, String filter, boolean noDelay) {
  /** The ingest's subscription on spime's transport. */
  static final LoopbackShape WILDCARD =
      new LoopbackShape("wildcard", Topics.allVehicles(TopicKind.TELEMETRY), false);
  /** A share group's subscription on spime's transport, as ingests that split a fleet use it. */
  static final LoopbackShape SHARED =
      new LoopbackShape("shared", Topics.shared("spime-bench", TopicKind.TELEMETRY), false);
  /** The ingest's subscription with TCP_NODELAY on every socket: the broker's own limit. */
  static final LoopbackShape NO_DELAY =
      new LoopbackShape("nodelay", Topics.allVehicles(TopicKind.TELEMETRY), true);

  /** Every shape, in the order the benchmark runs them. */
  public static List<LoopbackShape> all() {
    return List.of(WILDCARD, SHARED, NO_DELAY);
  }
}
