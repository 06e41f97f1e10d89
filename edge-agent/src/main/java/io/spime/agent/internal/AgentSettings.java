package io.spime.agent.internal;

import io.spime.agent.AckMode;
import io.spime.agent.ActuatorSink;
import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransportFactory;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.signing.DownlinkVerifier;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.ConsentSet;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/** Everything the builder collected, checked. */
public record AgentSettings(
    AssetId vin,
    MqttSettings mqtt,
    Path dataDir,
    SignalCatalog catalog,
    Duration batchWindow,
    int maxBatchSamples,
    AckMode ackMode,
    Duration backoffInitial,
    Duration backoffCap,
    long outboxMaxBytes,
    int journalSegmentBytes,
    int maxUnacked,
    Duration ackTimeout,
    CollectionPolicy policy,
    ConsentSet consent,
    Optional<ScheduledExecutorService> scheduler,
    Clock clock,
    String agentVersion,
    Optional<ActuatorSink> actuator,
    Optional<DownlinkVerifier> downlinkVerifier,
    MqttTransportFactory transport) {}
