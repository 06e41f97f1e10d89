package io.spime.sim.internal.fleet;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * How many cars fit in one process under its limit of open files, by the descriptors each car
 * holds (measured, see docs/benchmarks.md): its outbox, the outbox's WAL and its data-dir lock
 * (edge-agent.md), its MQTT socket, the embedded broker's end of that socket when the broker is in
 * the same process, and two more sockets through the link proxy when the scenario injects faults.
 */
public final class FileBudget {
  /** What the JVM, the store, the ingest and the logs hold besides the cars, with room to spare. */
  static final int RESERVE = 600;

  private FileBudget() {}

  /** Descriptors one in-process car holds. */
  public static int perCar(boolean embeddedBroker, boolean viaProxy) {
    return 4 + (embeddedBroker ? 1 : 0) + (viaProxy ? 2 : 0);
  }

  /** This process's limit of open files, or {@link Long#MAX_VALUE} where the JVM does not say. */
  public static long limit() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.UnixOperatingSystemMXBean unix
        ? unix.getMaxFileDescriptorCount() : Long.MAX_VALUE;
  }

  /** The most cars one process with {@code limit} open files holds at {@code perCar} each. */
  public static long carsPerProcess(long limit, int perCar) {
    return Math.max(0, (limit - RESERVE) / perCar);
  }

  /**
   * Refuses {@code cars} cars in one process that cannot hold them, naming the limit and how many
   * processes ({@code run --processes}) would.
   *
   * @throws IllegalArgumentException if they do not fit
   */
  public static void check(int cars, int perCar, long limit, String what) {
    long fit = carsPerProcess(limit, perCar);
    if (cars > fit) {
      long processes = fit == 0 ? 0 : (cars + fit - 1) / fit;
      throw new IllegalArgumentException(what + ": " + cars + " cars at " + perCar
          + " open files each do not fit in one process's limit of " + limit + " open files"
          + " (ulimit -n), which holds " + fit + " cars; "
          + (processes >= 2 ? "spread them with --processes " + processes + " or more"
              : "raise the limit"));
    }
  }
}
