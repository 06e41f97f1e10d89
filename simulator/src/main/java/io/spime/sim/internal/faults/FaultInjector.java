package io.spime.sim.internal.faults;

import io.spime.sim.internal.car.FleetCar;
import io.spime.sim.internal.process.ChildCar;
import io.spime.sim.internal.threads.SimThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link FaultPlan} on its own thread: cuts and restores car links, restarts the
 * broker, kills out-of-process cars with SIGKILL and restarts them after their down time.
 */
public final class FaultInjector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);

  private final List<? extends FleetCar> cars;
  private final List<ChildCar> children;
  private final LinkProxy proxy;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(SimThreads.daemon("spime-sim-faults"));
  private final Set<String> cut = ConcurrentHashMap.newKeySet();
  private final List<AgentKill> kills = new ArrayList<>();
  private final List<FaultEvent> events = new ArrayList<>();
  private final long startNanos = System.nanoTime();
  private int restarts;

  /** Schedules the plan from now; car {@code i < plan.outOfProcessCars()} is {@code children.get(i)}. */
  public FaultInjector(FaultPlan plan, List<? extends FleetCar> cars, List<ChildCar> children,
      LinkProxy proxy, BrokerHandle broker) {
    this.cars = cars;
    this.children = children;
    this.proxy = proxy;
    for (FaultPlan.Fault fault : plan.faults()) {
      long at = fault.at().toMillis();
      long until = at + fault.length().toMillis();
      switch (fault.kind()) {
        case BROKER_RESTART -> schedule(() -> restartBroker(broker), at);
        case LINK_CUT -> {
          String vin = cars.get(fault.car()).vin().value();
          long length = fault.length().toMillis();
          schedule(() -> cutLink(vin, length), at);
          schedule(() -> restoreLink(vin), until);
        }
        case AGENT_KILL -> {
          ChildCar child = children.get(fault.car());
          schedule(() -> kill(child, fault.length().toMillis()), at);
          schedule(() -> restart(child), until);
        }
      }
    }
  }

  /** Cars whose link is cut right now. */
  public int linksCutNow() {
    return cut.size();
  }

  /** The kills so far. */
  public synchronized List<AgentKill> kills() {
    return List.copyOf(kills);
  }

  /** Every fault injected so far, in the order it was injected. */
  public synchronized List<FaultEvent> events() {
    return List.copyOf(events);
  }

  /** Restarts of killed cars so far. */
  public synchronized int restarts() {
    return restarts;
  }

  /** Cancels what has not happened yet, restores every link and restarts every killed car. */
  public void restoreAll() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (FleetCar car : cars) {
      restoreLink(car.vin().value());
    }
    for (ChildCar child : children) {
      if (child.ensureRunning()) {
        synchronized (this) {
          restarts++;
        }
        LOG.info("fault: car {} restarted at the end of the drive", child.vin());
      }
    }
  }

  @Override
  public void close() {
    restoreAll();
  }

  private void schedule(Runnable fault, long atMillis) {
    timer.schedule(() -> {
      try {
        fault.run();
      } catch (RuntimeException e) {
        LOG.error("fault injection failed: {}", e.toString(), e);
      }
    }, atMillis, TimeUnit.MILLISECONDS);
  }

  private void cutLink(String vin, long lengthMillis) {
    cut.add(vin);
    proxy.cut(vin);
    happened(FaultEvent.Kind.LINK_CUT, lengthMillis, vin);
  }

  private synchronized void happened(FaultEvent.Kind kind, long lengthMillis, String target) {
    events.add(new FaultEvent(kind, sinceStart(), lengthMillis, target));
  }

  private long sinceStart() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  private void restoreLink(String vin) {
    proxy.restore(vin);
    cut.remove(vin);
  }

  private void kill(ChildCar child, long downMillis) {
    long at = sinceStart();
    int exit = child.kill();
    synchronized (this) {
      kills.add(new AgentKill(child.vin(), at, exit, downMillis));
      events.add(new FaultEvent(FaultEvent.Kind.AGENT_KILL, at, downMillis, child.vin().value()));
    }
    LOG.info("fault: car {} killed with SIGKILL (exit {}), down for {} ms", child.vin(), exit,
        downMillis);
  }

  private void restart(ChildCar child) {
    child.restart();
    synchronized (this) {
      restarts++;
    }
    LOG.info("fault: car {} restarted from its outbox", child.vin());
  }

  private void restartBroker(BrokerHandle broker) {
    long at = sinceStart();
    if (broker.restart()) {
      synchronized (this) {
        events.add(new FaultEvent(FaultEvent.Kind.BROKER_RESTART, at, 0, "broker"));
      }
      LOG.info("fault: the broker restarted");
    } else {
      LOG.warn("fault: an external broker cannot be restarted by the simulator; skipped");
    }
  }
}
