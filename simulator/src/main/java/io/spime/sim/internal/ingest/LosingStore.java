package io.spime.sim.internal.ingest;

import io.spime.twin.TwinStore;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.wire.telemetry.TelemetryBatch;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault for proving the run's verdict: a twin store that loses the first sample of every {@code
 * n}-th telemetry batch it is given, while the batch still takes its place in the stream and is
 * acked, so the car deletes what the twin never got. A run with it must fail.
 */
public final class LosingStore {
  private LosingStore() {}

  /** {@code store}, losing a sample of every {@code n}-th telemetry batch; {@code store} itself when {@code n} is 0. */
  public static TwinStore around(TwinStore store, int n) {
    if (n <= 0) {
      return store;
    }
    AtomicLong batches = new AtomicLong();
    return (TwinStore) Proxy.newProxyInstance(TwinStore.class.getClassLoader(), new Class<?>[] {TwinStore.class},
        (proxy, method, args) -> {
          Object[] call = args;
          if (method.getName().equals("applyUplink")) {
            call = new Object[] {lose(castList(args[0]), batches, n)};
          }
          try {
            return method.invoke(store, call);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static List<UplinkMessage> lose(List<UplinkMessage> group, AtomicLong batches, int n) {
    List<UplinkMessage> out = new ArrayList<>(group.size());
    for (UplinkMessage message : group) {
      if (message instanceof UplinkMessage.Telemetry telemetry && batches.incrementAndGet() % n == 0
          && telemetry.batch().samples().size() > 1) {
        TelemetryBatch batch = telemetry.batch();
        out.add(new UplinkMessage.Telemetry(new TelemetryBatch(batch.vin(), batch.position(),
            batch.catalogVersion(), batch.samples().subList(1, batch.samples().size()))));
      } else {
        out.add(message);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<UplinkMessage> castList(Object list) {
    return (List<UplinkMessage>) list;
  }
}
