package io.spime.sim.internal;

import io.spime.agent.AgentStats;
import java.io.PrintWriter;
import java.util.List;

/** One status line while the fleet drives: cars online, samples accepted, outbox backlog, reconnects. */
final class Progress {
  private Progress() {}

  static void print(PrintWriter out, List<VirtualCar> cars) {
    int online = 0;
    long accepted = 0;
    long backlog = 0;
    long reconnects = 0;
    for (VirtualCar car : cars) {
      AgentStats stats = car.agent().stats();
      online += stats.connected() ? 1 : 0;
      accepted += stats.acceptedSamples();
      backlog += stats.backlogBatches();
      reconnects += stats.reconnects();
    }
    out.printf("  online %d/%d  accepted %,d samples  backlog %,d batches  reconnects %d%n",
        online, cars.size(), accepted, backlog, reconnects);
    out.flush();
  }
}
