package io.spime.agent.internal;

import io.spime.agent.AckMode;
import io.spime.wire.AssetId;
import java.time.Duration;

/** What the uplink needs to know about its agent. */
record UplinkConfig(
    AssetId vin,
    String brokerUrl,
    long bootId,
    String agentVersion,
    int catalogVersion,
    AckMode ackMode,
    int maxInFlight,
    int maxUnacked,
    Duration ackTimeout,
    Duration backoffInitial,
    Duration backoffCap,
    Duration connectTimeout) {}
