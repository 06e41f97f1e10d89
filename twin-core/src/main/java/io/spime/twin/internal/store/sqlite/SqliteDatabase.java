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
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQLite file of a twin store: one writer connection and one reader connection (WAL lets the
 * reader see the last commit while the writer works), each behind its own lock.
 */
final class SqliteDatabase implements Database {
  private static final int SQLITE_BUSY = 5;

  final Path file;
  private final Connection writer;
  private final Connection reader;
  private final StatementCache writerStatements;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final ReentrantLock readLock = new ReentrantLock();
  private volatile boolean closed;
  private Runnable foreignCommit = () -> {};
  private long dataVersion = -1;

  private SqliteDatabase(Path file, Connection writer, Connection reader) {
    this.file = file;
    this.writer = writer;
    this.reader = reader;
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
    Connection reader = null;
    try {
      writer = connect(absolute);
      checkIdentity(absolute, writer);
      SqliteMigrations.migrate(absolute, writer);
      configure(absolute, writer, synchronous);
      reader = connect(absolute);
      configure(absolute, reader, synchronous);
      StoreMarker.write(absolute);
      return new SqliteDatabase(absolute, writer, reader);
    } catch (SQLException e) {
      closeQuietly(writer, e);
      closeQuietly(reader, e);
      throw SqlErrors.translate(absolute, "opening it", e);
    } catch (RuntimeException e) {
      closeQuietly(writer, e);
      closeQuietly(reader, e);
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

  /** Runs read-only work on the reader connection, in one transaction so it sees one commit. */
  @Override
  public <T> T read(String doing, Work<T> work) {
    readLock.lock();
    try {
      ensureOpen();
      try {
        T result = work.run(reader);
        reader.commit();
        return result;
      } catch (SQLException e) {
        rollbackReader(e);
        throw SqlErrors.translate(file, doing, e);
      } catch (RuntimeException | Error e) {
        rollbackReader(e);
        throw e;
      }
    } finally {
      readLock.unlock();
    }
  }

  @Override
  public void close() {
    writeLock.lock();
    readLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        reader.close();
        writerStatements.close();
        writer.close();
      } catch (SQLException e) {
        throw SqlErrors.translate(file, "closing it", e);
      }
    } finally {
      readLock.unlock();
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

  private void rollbackReader(Throwable cause) {
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

  private static void configure(Path file, Connection c, String synchronous) throws SQLException {
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
      st.execute("PRAGMA cache_size = -65536");
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
