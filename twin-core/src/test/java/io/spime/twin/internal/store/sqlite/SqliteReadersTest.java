package io.spime.twin.internal.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.twin.exceptions.TwinStoreException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store's reader connections: reads side by side, each on one commit, and a clean close. */
class SqliteReadersTest {
  @TempDir Path dir;
  private SqliteDatabase db;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeEach
  void open() {
    db = SqliteDatabase.open(dir.resolve("twins.db"), "NORMAL");
  }

  @AfterEach
  void close() {
    threads.shutdownNow();
    db.close();
  }

  private static long vehicles(java.sql.Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM vehicles")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Holds {@code n} reads open until {@code release}; {@code opened} counts down as each one has begun. */
  private List<Future<Long>> holdReads(int n, CountDownLatch opened, CountDownLatch release) {
    List<Future<Long>> held = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      held.add(threads.submit(() -> db.read("holding a read", c -> {
        long count = vehicles(c);
        opened.countDown();
        try {
          assertTrue(release.await(60, TimeUnit.SECONDS), "the test released the read");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return count + vehicles(c);
      })));
    }
    return held;
  }

  @Test
  void reads_run_side_by_side_on_the_reader_connections_while_the_writer_commits() throws Exception {
    CountDownLatch opened = new CountDownLatch(SqliteDatabase.READERS - 1);
    CountDownLatch release = new CountDownLatch(1);
    List<Future<Long>> held = holdReads(SqliteDatabase.READERS - 1, opened, release);
    assertTrue(opened.await(30, TimeUnit.SECONDS), "every held read began while the others were open");
    db.write("adding a vehicle", sql -> {
      try (Statement st = sql.connection().createStatement()) {
        return st.executeUpdate("INSERT INTO vehicles (vin) VALUES ('WSPIME00000000001')");
      }
    });
    Future<Long> another = threads.submit(() -> db.read("counting", SqliteReadersTest::vehicles));
    assertEquals(1L, another.get(30, TimeUnit.SECONDS), "a read beside the held ones sees the last commit");
    release.countDown();
    for (Future<Long> f : held) {
      assertEquals(0L, f.get(30, TimeUnit.SECONDS), "a read open before the commit sees one commit throughout");
    }
  }

  @Test
  void more_reads_than_readers_all_finish() throws Exception {
    List<Future<Long>> reads = new ArrayList<>();
    for (int i = 0; i < 8 * SqliteDatabase.READERS; i++) {
      reads.add(threads.submit(() -> {
        long sum = 0;
        for (int j = 0; j < 50; j++) {
          sum += db.read("counting", SqliteReadersTest::vehicles);
        }
        return sum;
      }));
    }
    for (Future<Long> f : reads) {
      assertEquals(0L, f.get(60, TimeUnit.SECONDS));
    }
  }

  @Test
  void close_waits_for_the_reads_under_way_and_later_reads_are_refused() throws Exception {
    CountDownLatch opened = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    List<Future<Long>> held = holdReads(2, opened, release);
    assertTrue(opened.await(30, TimeUnit.SECONDS));
    Future<?> closing = threads.submit(db::close);
    release.countDown();
    for (Future<Long> f : held) {
      assertEquals(0L, f.get(30, TimeUnit.SECONDS), "a read under way finishes on an open connection");
    }
    closing.get(30, TimeUnit.SECONDS);
    TwinStoreException e = assertThrows(TwinStoreException.class, () -> db.read("counting", SqliteReadersTest::vehicles));
    assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
  }
}
