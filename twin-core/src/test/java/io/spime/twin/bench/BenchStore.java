package io.spime.twin.bench;

import io.spime.testkit.TestPostgres;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStoreOptions;
import io.spime.twin.TwinStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A benchmark trial's twin store, its clock fixed far ahead: an SQLite file in a temporary folder, or
 * a fresh schema on {@code SPIME_PG_URL}'s server (or an embedded one). {@link #close()} deletes it.
 */
record BenchStore(TwinStore store, Optional<Path> dir, Optional<TestPostgres.Schema> schema) implements AutoCloseable {
  static final TwinStoreOptions OPTIONS = TwinStoreOptions.defaults()
      .withClock(Clock.fixed(Instant.parse("2199-01-01T00:00:00Z"), ZoneOffset.UTC));

  /** {@code sqlite}, or {@code postgres} with {@code urlParameters} (e.g. {@code &reWriteBatchedInserts=false}). */
  static BenchStore open(String kind, String urlParameters) throws IOException {
    if (kind.equals("sqlite")) {
      Path dir = Files.createTempDirectory("spime-bench");
      return new BenchStore(TwinStores.sqlite(dir.resolve("twin.db"), OPTIONS), Optional.of(dir), Optional.empty());
    }
    TestPostgres.Schema schema = TestPostgres.freshSchema();
    TwinStore store = TwinStores.open(schema.url() + urlParameters, OPTIONS);
    return new BenchStore(store, Optional.empty(), Optional.of(schema));
  }

  @Override
  public void close() {
    store.close();
    schema.ifPresent(TestPostgres.Schema::close);
    if (dir.isPresent()) {
      try (Stream<Path> files = Files.walk(dir.get())) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the benchmark's store in " + dir.get(), e);
      }
    }
  }
}
