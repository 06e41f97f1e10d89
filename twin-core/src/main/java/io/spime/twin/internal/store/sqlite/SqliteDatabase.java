package io.spime.twin.internal.store.sqlite;

import io.spime.twin.ForeignStoreException;
import io.spime.twin.TwinStoreException;
import io.spime.twin.UnsupportedSchemaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite file of a twin store: one writer connection and one reader connection (WAL lets the
 * reader see the last commit while the writer works), each behind its own lock.
 */
final class SqliteDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);

  final Path file;
  private final Connection writer;
  private final Connection reader;
  private final StatementCache writerStatements;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final ReentrantLock readLock = new ReentrantLock();
  private volatile boolean closed;

  private SqliteDatabase(Path file, Connection writer, Connection reader) {
    this.file = file;
    this.writer = writer;
    this.reader = reader;
    this.writerStatements = new StatementCache(writer);
  }

  /** Work done on a connection; SQL errors are translated by the caller. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Write work, given the writer's statement cache (and through it the connection). */
  interface WriteWork<T> {
    T run(StatementCache sql) throws SQLException;
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
    Connection writer = null;
    Connection reader = null;
    try {
      writer = connect(absolute);
      checkIdentity(absolute, writer);
      configure(absolute, writer, synchronous);
      migrate(absolute, writer);
      reader = connect(absolute);
      configure(absolute, reader, synchronous);
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

  /** Runs work in one write transaction, committed before returning; rolled back on any failure. */
  <T> T write(String doing, WriteWork<T> work) {
    return write(doing, work, result -> {});
  }

  /**
   * As {@link #write(String, WriteWork)}, and hands the result to {@code committed} after the commit but
   * before the next writer may start, so caches of committed state never lag behind another writer.
   */
  <T> T write(String doing, WriteWork<T> work, java.util.function.Consumer<T> committed) {
    writeLock.lock();
    try {
      ensureOpen();
      try {
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

  /** Runs read-only work on the reader connection, in one transaction so it sees one commit. */
  <T> T read(String doing, Work<T> work) {
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
    if (applicationId == SqliteSchema.APPLICATION_ID) {
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
      st.execute("PRAGMA application_id = " + SqliteSchema.APPLICATION_ID);
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

  private static void migrate(Path file, Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS spime_schema (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
              + "applied_at TEXT NOT NULL)");
    }
    c.commit();
    int current;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM spime_schema")) {
      rs.next();
      current = rs.getInt(1);
    }
    if (current > SqliteSchema.latestVersion()) {
      throw new UnsupportedSchemaException(
          "twin store " + file + " has schema version " + current + ", written by a newer spime; this library knows up to version "
              + SqliteSchema.latestVersion());
    }
    for (Migration m : SqliteSchema.MIGRATIONS) {
      if (m.version() <= current) {
        continue;
      }
      try (Statement st = c.createStatement()) {
        for (String sql : m.statements()) {
          st.execute(sql);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO spime_schema (version, description, applied_at) VALUES (?, ?, ?)")) {
        ps.setInt(1, m.version());
        ps.setString(2, m.description());
        ps.setString(3, Instant.now().toString());
        ps.executeUpdate();
      }
      c.commit();
      LOG.info("twin store {}: migrated to schema version {} ({})", file, m.version(), m.description());
    }
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
