package io.spime.sim.internal.shard;

import io.spime.sim.internal.faults.FaultEvent;
import io.spime.sim.internal.verify.CarResult;
import io.spime.sim.internal.verify.TwinComparison;
import io.spime.twin.TwinStore;
import io.spime.wire.catalog.SignalCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One verdict for a fleet run as shards: reads every shard's ledger in a folder, checks they are
 * the N slices of one seeded fleet, and compares every car's ledger with its twin in the store.
 */
public final class ShardVerification {
  private ShardVerification() {}

  /** The merged outcome: the shards' headers, every car's result by fleet index. */
  public record Outcome(List<ShardLedger.Header> shards, List<CarResult> cars) {
    public Outcome {
      shards = List.copyOf(shards);
      cars = List.copyOf(cars);
    }

    /** Every shard drained and every car's twin holds exactly what its agent accepted. */
    public boolean clean() {
      return shards.stream().allMatch(ShardLedger.Header::drained)
          && cars.stream().allMatch(CarResult::clean);
    }

    /** Every fault of every shard. */
    public List<FaultEvent> faults() {
      return shards.stream().flatMap(shard -> shard.faults().stream()).toList();
    }
  }

  /**
   * Reads the ledgers under {@code folder}.
   *
   * @throws IllegalArgumentException when a shard is missing, twice there, or of another fleet
   */
  public static List<ShardLedger> ledgers(Path folder) {
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(file -> file.getFileName().toString().matches("shard-\\d+-of-\\d+\\.jsonl"))
          .sorted(Comparator.comparing(Path::toString)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the ledgers in " + folder, e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no shard ledger (shard-i-of-N.jsonl) in " + folder);
    }
    List<ShardLedger> ledgers = files.stream().map(ShardLedger::read).toList();
    ShardLedger.Header first = ledgers.get(0).header();
    TreeMap<Integer, Path> seen = new TreeMap<>();
    for (int i = 0; i < ledgers.size(); i++) {
      ShardLedger.Header header = ledgers.get(i).header();
      if (header.shard().count() != first.shard().count() || header.seed() != first.seed()
          || header.vehicles() != first.vehicles()) {
        throw new IllegalArgumentException(files.get(i) + " is of another fleet: shard "
            + header.shard() + ", seed " + header.seed() + ", " + header.vehicles()
            + " cars; " + files.get(0) + " has shard " + first.shard() + ", seed "
            + first.seed() + ", " + first.vehicles() + " cars");
      }
      Path twice = seen.put(header.shard().index(), files.get(i));
      if (twice != null) {
        throw new IllegalArgumentException("shard " + header.shard() + " twice: " + twice
            + " and " + files.get(i));
      }
    }
    List<Integer> missing = new ArrayList<>();
    for (int index = 1; index <= first.shard().count(); index++) {
      if (!seen.containsKey(index)) {
        missing.add(index);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("no ledger of shard " + missing + " of "
          + first.shard().count() + " in " + folder + "; every shard must have finished");
    }
    return ledgers;
  }

  /** Compares every car of every ledger with its twin. */
  public static Outcome verify(List<ShardLedger> ledgers, TwinStore store) {
    SignalCatalog catalog = SignalCatalog.builtIn();
    TreeMap<Integer, CarResult> cars = new TreeMap<>();
    for (ShardLedger ledger : ledgers) {
      for (ShardLedger.Car car : ledger.cars()) {
        cars.put(car.index(), new CarResult(car.vin(), car.tally().accepted(),
            car.tally().refused(), store.samplesApplied(car.vin()),
            TwinComparison.diverged(catalog, car.tally().lastValues(),
                store.latestSignals(car.vin())),
            car.kills(), car.failures(), TwinComparison.dtcs(car.tally().dtcs(), store, car.vin())));
      }
    }
    int vehicles = ledgers.get(0).header().vehicles();
    if (cars.size() != vehicles) {
      throw new IllegalArgumentException("the shards' ledgers hold " + cars.size() + " of the "
          + vehicles + " cars of the fleet");
    }
    return new Outcome(ledgers.stream().map(ShardLedger::header)
        .sorted(Comparator.comparingInt(header -> header.shard().index())).toList(),
        new ArrayList<>(cars.values()));
  }
}
