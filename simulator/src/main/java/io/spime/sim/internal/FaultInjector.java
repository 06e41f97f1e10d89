package io.spime.sim.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out a {@link FaultPlan} on its own thread: cuts and restores car links, restarts the broker. */
final class FaultInjector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);

  private final List<VirtualCar> cars;
  private final LinkProxy proxy;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(SimThreads.daemon("spime-sim-faults"));
  private final Set<String> cut = ConcurrentHashMap.newKeySet();

  FaultInjector(FaultPlan plan, List<VirtualCar> cars, LinkProxy proxy, BrokerHandle broker) {
    this.cars = cars;
    this.proxy = proxy;
    for (FaultPlan.Fault fault : plan.faults()) {
      long at = fault.at().toMillis();
      if (fault.isBrokerRestart()) {
        timer.schedule(() -> restartBroker(broker), at, TimeUnit.MILLISECONDS);
      } else if (fault.kind() == FaultPlan.Kind.LINK_CUT) {
        String vin = cars.get(fault.car()).vin().value();
        timer.schedule(() -> cutLink(vin), at, TimeUnit.MILLISECONDS);
        timer.schedule(() -> restoreLink(vin), at + fault.length().toMillis(),
            TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Cars whose link is cut right now. */
  int linksCutNow() {
    return cut.size();
  }

  /** Cancels what has not happened yet and restores every link. */
  void restoreAll() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (VirtualCar car : cars) {
      restoreLink(car.vin().value());
    }
  }

  @Override
  public void close() {
    restoreAll();
  }

  private void cutLink(String vin) {
    cut.add(vin);
    proxy.cut(vin);
  }

  private void restoreLink(String vin) {
    proxy.restore(vin);
    cut.remove(vin);
  }

  private void restartBroker(BrokerHandle broker) {
    if (broker.restart()) {
      LOG.info("fault: the broker restarted");
    } else {
      LOG.warn("fault: an external broker cannot be restarted by the simulator; skipped");
    }
  }
}
