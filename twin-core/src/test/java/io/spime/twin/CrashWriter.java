package io.spime.twin;

import io.spime.testkit.TestVins;
import io.spime.twin.bench.LifeGenerator;
import io.spime.wire.AssetId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A writer process for {@link CrashRecoveryTest}: appends transactions of 10 cars × 100 events until
 * it is killed, printing {@code committed N} after each commit (test helper, not a CLI).
 */
final class CrashWriter {
  static final int CARS = 10;
  static final int EVENTS_PER_CAR = 100;

  private CrashWriter() {}

  static TwinStoreOptions options() {
    return TwinStoreOptions.defaults().withClock(Clock.fixed(Instant.parse("2199-01-01T00:00:00Z"), ZoneOffset.UTC));
  }

  public static void main(String[] args) {
    try (TwinStore store = TwinStores.sqlite(Path.of(args[0]), options())) {
      List<LifeGenerator> cars = new ArrayList<>();
      List<AppendRequest> births = new ArrayList<>();
      for (int i = 0; i < CARS; i++) {
        AssetId vin = TestVins.numbered(i);
        LifeGenerator g = new LifeGenerator(vin, Instant.parse("2025-01-01T00:00:00Z"), Duration.ofMinutes(1));
        cars.add(g);
        births.add(new AppendRequest(vin, 0, g.birth()));
      }
      store.appendAll(births);
      long revision = 5;
      for (int n = 1; ; n++) {
        List<AppendRequest> requests = new ArrayList<>();
        for (int i = 0; i < CARS; i++) {
          requests.add(new AppendRequest(TestVins.numbered(i), revision, cars.get(i).next(EVENTS_PER_CAR)));
        }
        store.appendAll(requests);
        revision += EVENTS_PER_CAR;
        System.out.println("committed " + n);
        System.out.flush();
      }
    }
  }
}
