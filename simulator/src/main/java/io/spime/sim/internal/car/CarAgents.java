package io.spime.sim.internal.car;

import io.spime.agent.EdgeAgent;
import io.spime.agent.EdgeAgentBuilder;
import io.spime.mqtt.MqttSecurity;
import io.spime.sim.internal.keys.DownlinkPin;
import io.spime.sim.internal.scenario.MqttClient;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.wire.AssetId;
import io.spime.wire.state.ConsentSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/** The one way the simulator configures a car's agent, in this JVM and in a child process alike. */
public final class CarAgents {
  /**
   * 256 KiB per journal segment (the agent's default is 4 MiB): the agent writes both segments out
   * when it opens them (so a full disk cannot kill it with SIGBUS), and a fleet of a thousand cars
   * would otherwise write 8 GB at start. A simulated car records a few samples a second; a segment
   * holds about 8,700 and is sealed when half full.
   */
  public static final int JOURNAL_SEGMENT_BYTES = 256 * 1024;

  private CarAgents() {}

  /** An agent for the car, unstarted; on the shared {@code pool} when given, else on its own threads. */
  public static EdgeAgent build(AssetId vin, String brokerUrl, Path dataDir, ScenarioSpec scenario,
      java.util.Optional<ScheduledExecutorService> pool, MqttSecurity security) {
    return build(vin, brokerUrl, dataDir, scenario, pool, security, java.util.Optional.empty(), MqttClient.PAHO);
  }

  /**
   * An agent that pins the run cloud's public key, so that it applies the cloud's signed desired
   * state and commands (without a pin it refuses them all), on the given MQTT client.
   *
   * @throws io.spime.wire.signing.KeyFileException naming the file if the public key is unusable
   */
  public static EdgeAgent build(AssetId vin, String brokerUrl, Path dataDir, ScenarioSpec scenario,
      java.util.Optional<ScheduledExecutorService> pool, MqttSecurity security,
      java.util.Optional<DownlinkPin> pin, MqttClient client) {
    EdgeAgentBuilder builder = EdgeAgent.builder(vin, brokerUrl, dataDir)
        .security(security)
        .consent(ConsentSet.all())
        .reconnectBackoff(Duration.ofMillis(200), Duration.ofSeconds(5))
        .batchWindow(scenario.batchWindow())
        .journalSegmentBytes(JOURNAL_SEGMENT_BYTES)
        .actuator(new SimulatedCabin())
        .transport(client.factory());
    pool.ifPresent(builder::scheduler);
    pin.ifPresent(p -> builder.downlinkKeyFile(p.keyId(), p.publicKey()));
    return builder.build();
  }
}
