package io.spime.agent;

import io.spime.wire.AssetId;
import io.spime.wire.event.EventDetail;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.state.ConsentSet;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A test-only program run in a child JVM so a test can kill it for real: starts an agent and
 * records Vehicle.TraveledDistance samples numbered from {@code first}, printing "ok N" after record
 * returned for sample N (so every printed N was accepted), and raising an ignition event with id
 * "ev-N" every 500th sample, then idling until killed. It never calls flush or close. Args: vin brokerUrl dataDir first count batchWindowMillis.
 */
public final class ChildAgent {
  private ChildAgent() {}

  public static void main(String[] args) {
    AssetId vin = AssetId.parse(args[0]);
    long first = Long.parseLong(args[3]);
    long count = Long.parseLong(args[4]);
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
    EdgeAgent agent = EdgeAgent.builder(vin, args[1], Path.of(args[2]))
        .consent(ConsentSet.all())
        .batchWindow(Duration.ofMillis(Long.parseLong(args[5])))
        .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
        .ackTimeout(Duration.ofSeconds(2))
        .build();
    agent.start();
    out.println("started");
    out.flush();
    for (long n = first; n < first + count; n++) {
      agent.record(2, ChildAgentSamples.time(n), ChildAgentSamples.value(n));
      if (n % 500 == 0) {
        agent.raise(new VehicleEvent("ev-" + n, ChildAgentSamples.time(n), io.spime.wire.Priority.NORMAL,
            io.spime.wire.DataCategory.USAGE, new EventDetail.Ignition(n % 1000 == 0), java.util.Map.of()));
      }
      if (n % 50 == 49) {
        out.println("ok " + n);
        out.flush();
        LockSupport.parkNanos(5_000_000);
      }
    }
    out.println("ok " + (first + count - 1));
    out.println("done");
    out.flush();
    LockSupport.parkNanos(Long.MAX_VALUE); // wait to be killed or closed by the parent
  }
}
