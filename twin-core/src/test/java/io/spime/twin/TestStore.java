package io.spime.twin;

import io.spime.testkit.TestPostgres;
import io.spime.twin.internal.store.postgres.PostgresStore;
import io.spime.twin.internal.store.sqlite.SqliteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** One contract test's store: opened as often as the test likes, the same data each time; closed, it is gone. */
interface TestStore extends AutoCloseable {

  TwinStore open(TwinStoreOptions options);

  default TwinStore open() {
    return open(TwinStoreOptions.defaults());
  }

  /** A plain connection to the store's database, for a test that must reach under the store. */
  Connection connect() throws SQLException;

  /** Deletes the store. */
  @Override
  void close();

  /** The stores the contract suite runs against: every store test is run once on each. */
  enum Kind {
    SQLITE {
      @Override
      TestStore create() {
        try {
          Path dir = Files.createTempDirectory("spime-store-");
          return new TestStore() {
            @Override
            public TwinStore open(TwinStoreOptions options) {
              return SqliteStore.open(dir.resolve("twin.db"), options);
            }

            @Override
            public Connection connect() throws SQLException {
              return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("twin.db"));
            }

            @Override
            public void close() {
              try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          };
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    },
    POSTGRES {
      /** Partitions of a test store: few, so that creating one per test stays quick. */
      private static final int PARTITIONS = 2;

      @Override
      void assumeAvailable() {
        TestPostgres.unavailable().ifPresent(Assumptions::abort);
      }

      @Override
      TestStore create() {
        assumeAvailable();
        TestPostgres.Schema schema = TestPostgres.freshSchema();
        return new TestStore() {
          @Override
          public TwinStore open(TwinStoreOptions options) {
            return PostgresStore.open(schema.url(), options, PARTITIONS);
          }

          @Override
          public Connection connect() throws SQLException {
            return DriverManager.getConnection(schema.url());
          }

          @Override
          public void close() {
            schema.close();
          }
        };
      }
    };

    abstract TestStore create();

    /** Skips the test (aborts it) with the reason if this store cannot be had here. */
    void assumeAvailable() {}
  }
}
