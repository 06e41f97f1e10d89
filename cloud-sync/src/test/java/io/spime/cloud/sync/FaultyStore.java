package io.spime.cloud.sync;

import io.spime.twin.TwinStore;
import io.spime.twin.ingest.UplinkMessage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Consumer;

/** A real store with a seam before each uplink apply, where a test can wait or throw. */
final class FaultyStore {
  private FaultyStore() {}

  /** {@code store}, running {@code beforeApply} on every group before the store applies it. */
  @SuppressWarnings("unchecked")
  static TwinStore around(TwinStore store, Consumer<List<UplinkMessage>> beforeApply) {
    return around(store, "applyUplink", args -> beforeApply.accept((List<UplinkMessage>) args[0]));
  }

  /** {@code store}, running {@code before} with the arguments of every call of the method so named. */
  static TwinStore around(TwinStore store, String methodName, Consumer<Object[]> before) {
    return (TwinStore) Proxy.newProxyInstance(TwinStore.class.getClassLoader(),
        new Class<?>[] {TwinStore.class}, (proxy, method, args) -> {
          if (method.getName().equals(methodName)) {
            before.accept(args);
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
