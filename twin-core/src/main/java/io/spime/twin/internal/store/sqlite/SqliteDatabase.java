package io.spime.twin.internal.store.sqlite;

import io.spime.twin.exceptions.ForeignStoreException;
import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.internal.store.jdbc.Database;
import io.spime.twin.internal.store.jdbc.Dialect;
import io.spime.twin.internal.store.jdbc.StatementCache;
import io.spime.wire.files.OwnerOnlyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The SQLite file of a twin store: one writer connection behind a lock, and {@link #READERS} reader
 * connections that read side by side (WAL lets each reader's transaction see the last commit while
 * the writer works), so that a read waits neither for the writer nor for one slow read.
 */
final class SqliteDatabase implements Database {
  private static final int SQLITE_BUSY = 5;
  /** Reader connections: reads beyond these wait for one to be free. */
  static final int READERS = 4;
  /** The page cache of each reader, in KiB (the writer's is 64 MiB). */
  private static final int READER_CACHE_KIB = 16 * 1024;

  final Path file;
  private final Connection writer;
  private final List<Connection> readers;
  private final BlockingQueue<Connection> idleReaders;
  private final StatementCache writerStatements;
  private final ReentrantLock writeLock = new ReentrantLock();
  /** Shared by the reads under way, taken exclusively by {@link #close()} to wait for them. */
  private final ReentrantReadWriteLock readsOpen = new ReentrantReadWriteLock();
  private volatile boolean closed;
  private Runnable foreignCommit = () -> {};
  private long dataVersion = -1;

  private SqliteDatabase(Path file, Connection writer, List<Connection> readers) {
    this.file = file;
    this.writer = writer;
    this.readers = List.copyOf(readers);
    this.idleReaders = new ArrayBlockingQueue<>(readers.size(), false, readers);
    this.writerStatements = new StatementCache(writer);
  }

  @Override
  public Dialect dialect() {
    return SqliteDialect.INSTANCE;
  }

  static SqliteDatabase open(Path file, String synchronous) {
    Path absolute = file.toAbsolutePath();
    Path parent = absolute.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new TwinStoreException("cannot open twin store " + absolute + ": directory " + parent + " does not exist");
    }
    if (Files.isDirectory(absolute)) {
      throw new TwinStoreException("cannot open twin store " + absolute + ": it is a directory");
    }
    StoreMarker.checkNotVanished(absolute);
    try {
      OwnerOnlyFiles.createFile(absolute); // before SQLite: its -wal and -shm take this file's mode
    } catch (java.io.IOException e) {
      throw new TwinStoreException("cannot create twin store " + absolute + ": " + e.getMessage(), e);
    }
    Connection writer = null;
    List<Connection> readers = new ArrayList<>();
    try {
      writer = connect(absolute);
      checkIdentity(absolute, writer);
      SqliteMigrations.migrate(absolute, writer);
      configure(absolute, writer, synchronous, 64 * 1024);
      for (int i = 0; i < READERS; i++) {
        readers.add(connect(absolute));
        configure(absolute, readers.get(i), synchronous, READER_CACHE_KIB);
      }
      StoreMarker.write(absolute);
      return new SqliteDatabase(absolute, writer, readers);
    } catch (SQLException e) {
      closeQuietly(writer, e);
      readers.forEach(r -> closeQuietly(r, e));
      throw SqlErrors.translate(absolute, "opening it", e);
    } catch (RuntimeException e) {
      closeQuietly(writer, e);
      readers.forEach(r -> closeQuietly(r, e));
      throw e;
    }
  }

  /** Hands the result to {@code committed} before the next writer may start: caches never lag behind. */
  @Override
  public <T> T write(String doing, WriteWork<T> work, java.util.function.Consumer<T> committed) {
    writeLock.lock();
    try {
      ensureOpen();
      try {
        lockForWrite();
        T result = work.run(writerStatements);
        writer.commit();
        committed.accept(result);
        return result;
      } catch (SQLException e) {
        rollback(e);
        throw SqlErrors.translate(file, doing, e);
      } catch (RuntimeException | Error e) {
        rollback(e);
        throw e;
      }
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Called, under the write lock, when a write finds that another connection (another process on
   * the same file) committed since this one last wrote: caches of committed state must be dropped.
   */
  @Override
  public void onForeignCommit(Runnable dropCaches) {
    this.foreignCommit = dropCaches;
  }

  /**
   * Takes SQLite's write lock before the work reads anything, waiting up to the busy timeout for
   * another process's transaction: a transaction that read first and then writes cannot wait (WAL
   * gives it SQLITE_BUSY_SNAPSHOT at once when another connection wrote meanwhile). A write
   * statement that matches no row is the way in through the JDBC driver, which begins every
   * transaction itself (what BEGIN IMMEDIATE would do). Then drops caches if another connection
   * committed since this one's last write.
   */
  private void lockForWrite() throws SQLException {
    try {
      writerStatements.get("DELETE FROM vehicles WHERE 0").executeUpdate();
    } catch (SQLException e) {
      if ((e.getErrorCode() & 0xff) != SQLITE_BUSY) {
        throw e;
      }
      // A statement of an earlier write still held its snapshot, so SQLite could not wait: end it.
      writer.rollback();
      writerStatements.get("DELETE FROM vehicles WHERE 0").executeUpdate();
    }
    long version;
    try (ResultSet rs = writerStatements.get("PRAGMA data_version").executeQuery()) {
      rs.next();
      version = rs.getLong(1);
    }
    if (dataVersion != -1 && version != dataVersion) {
      foreignCommit.run();
    }
    dataVersion = version;
  }

  /**
   * Runs read-only work on a free reader connection (waiting for one if all are busy), in one
   * transaction so it sees one commit; the transaction ends before the connection is handed on.
   */
  @Override
  public <T> T read(String doing, Work<T> work) {
    readsOpen.readLock().lock();
    try {
      ensureOpen();
      Connection reader = takeReader(doing);
      try {
        T result = work.run(reader);
        reader.commit();
        return result;
      } catch (SQLException e) {
        rollbackReader(reader, e);
        throw SqlErrors.translate(file, doing, e);
      } catch (RuntimeException | Error e) {
        rollbackReader(reader, e);
        throw e;
      } finally {
        idleReaders.add(reader);
      }
    } finally {
      readsOpen.readLock().unlock();
    }
  }

  private Connection takeReader(String doing) {
    try {
      return idleReaders.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TwinStoreException("interrupted while waiting for a reader of twin store " + file + " for " + doing, e);
    }
  }

  /** Waits for the reads and the write under way, then closes every connection. */
  @Override
  public void close() {
    writeLock.lock();
    readsOpen.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        for (Connection reader : readers) {
          reader.close();
        }
        writerStatements.close();
        writer.close();
      } catch (SQLException e) {
        throw SqlErrors.translate(file, "closing it", e);
      }
    } finally {
      readsOpen.writeLock().unlock();
      writeLock.unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new TwinStoreException("twin store " + file + " is closed");
    }
  }

  private void rollback(Throwable cause) {
    try {
      writer.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static void rollbackReader(Connection reader, Throwable cause) {
    try {
      reader.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static Connection connect(Path file) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement st = connection.createStatement()) {
      st.execute("PRAGMA busy_timeout = 10000");
    }
    return connection;
  }

  private static void checkIdentity(Path file, Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    int applicationId;
    try (Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      try (ResultSet rs = st.executeQuery("PRAGMA application_id")) {
        applicationId = rs.next() ? rs.getInt(1) : 0;
      }
    }
    if (applicationId == SqliteMigrations.APPLICATION_ID) {
      return;
    }
    if (applicationId != 0 || !tables.isEmpty()) {
      throw new ForeignStoreException(
          file + " is an SQLite database of another application, not a spime twin store (application_id "
              + String.format(Locale.ROOT, "0x%08x", applicationId) + ", tables " + tables
              + "); it was left untouched");
    }
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA page_size = 4096");
      st.execute("PRAGMA application_id = " + SqliteMigrations.APPLICATION_ID);
    }
  }

  private static void configure(Path file, Connection c, String synchronous, int cacheKib) throws SQLException {
    try (Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
        String mode = rs.next() ? rs.getString(1) : "";
        if (!"wal".equalsIgnoreCase(mode)) {
          throw new TwinStoreException(
              "twin store " + file + " cannot use the WAL journal (SQLite answered '" + mode + "')");
        }
      }
      st.execute("PRAGMA synchronous = " + synchronous);
      st.execute("PRAGMA foreign_keys = OFF");
      st.execute("PRAGMA cache_size = -" + cacheKib);
      st.execute("PRAGMA temp_store = MEMORY");
      st.execute("PRAGMA wal_autocheckpoint = 10000");
    }
    c.setAutoCommit(false);
  }

  private static void closeQuietly(Connection c, Throwable cause) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
