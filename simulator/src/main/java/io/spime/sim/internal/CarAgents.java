package io.spime.sim.internal;

import io.spime.agent.EdgeAgent;
import io.spime.wire.ConsentSet;
import io.spime.wire.Vin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/** The one way the simulator configures a car's agent, in this JVM and in a child process alike. */
final class CarAgents {
  private CarAgents() {}

  /** An agent for the car, unstarted; on the shared {@code pool} when given, else on its own threads. */
  static EdgeAgent build(Vin vin, String brokerUrl, Path dataDir, ScenarioSpec scenario,
      java.util.Optional<ScheduledExecutorService> pool) {
    EdgeAgent.Builder builder = EdgeAgent.builder(vin, brokerUrl, dataDir)
        .consent(ConsentSet.all())
        .reconnectBackoff(Duration.ofMillis(200), Duration.ofSeconds(5))
        .batchWindow(scenario.batchWindow())
        .actuator(new SimulatedCabin());
    pool.ifPresent(builder::scheduler);
    return builder.build();
  }
}
