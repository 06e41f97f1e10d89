package io.spime.sim.internal;

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
final class FaultInjector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);

  private final List<? extends FleetCar> cars;
  private final List<ChildCar> children;
  private final LinkProxy proxy;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(SimThreads.daemon("spime-sim-faults"));
  private final Set<String> cut = ConcurrentHashMap.newKeySet();
  private final List<AgentKill> kills = new ArrayList<>();
  private final long startNanos = System.nanoTime();
  private int restarts;

  /** Schedules the plan from now; car {@code i < plan.outOfProcessCars()} is {@code children.get(i)}. */
  FaultInjector(FaultPlan plan, List<? extends FleetCar> cars, List<ChildCar> children,
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
          schedule(() -> cutLink(vin), at);
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
  int linksCutNow() {
    return cut.size();
  }

  /** The kills so far. */
  synchronized List<AgentKill> kills() {
    return List.copyOf(kills);
  }

  /** Restarts of killed cars so far. */
  synchronized int restarts() {
    return restarts;
  }

  /** Cancels what has not happened yet, restores every link and restarts every killed car. */
  void restoreAll() {
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

  private void cutLink(String vin) {
    cut.add(vin);
    proxy.cut(vin);
  }

  private void restoreLink(String vin) {
    proxy.restore(vin);
    cut.remove(vin);
  }

  private void kill(ChildCar child, long downMillis) {
    long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    int exit = child.kill();
    synchronized (this) {
      kills.add(new AgentKill(child.vin(), at, exit, downMillis));
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
    if (broker.restart()) {
      LOG.info("fault: the broker restarted");
    } else {
      LOG.warn("fault: an external broker cannot be restarted by the simulator; skipped");
    }
  }
}
