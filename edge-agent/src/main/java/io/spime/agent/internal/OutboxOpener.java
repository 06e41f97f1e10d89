package io.spime.agent.internal;

import io.spime.agent.OutboxException;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the outbox's SQLite file; a corrupt one is moved aside and a fresh one started. */
final class OutboxOpener {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxOpener.class);
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /**
   * An open connection, whether a corrupt (or vanished) file was replaced to get it, and where the
   * replaced file was moved, for salvage.
   */
  record Opened(Connection connection, boolean replacedCorrupt, Optional<Path> aside) {}

  private OutboxOpener() {}

  static Opened open(Path file) {
    Optional<String> vanished = OutboxMarker.vanished(file);
    if (vanished.isPresent()) {
      Optional<Path> aside = Files.exists(file) ? Optional.of(moveAside(file)) : Optional.empty();
      LOG.error("outbox {} {}, so it is treated as corrupt: {}started a fresh outbox with a new "
          + "stream; what the journal still holds is sealed into it", file, vanished.get(),
          aside.map(path -> "moved it to " + path + " and ").orElse(""));
      return new Opened(connectFresh(file), true, aside);
    }
    try {
      Opened opened = new Opened(connectChecked(file), false, Optional.empty());
      OutboxMarker.write(file);
      return opened;
    } catch (CorruptOutbox e) {
      Path aside = moveAside(file);
      LOG.error("outbox {} is corrupt ({}); moved it to {} and started a fresh outbox with a new "
          + "stream; its readable rows are salvaged into the new one", file, e.getMessage(), aside);
      return new Opened(connectFresh(file), true, Optional.of(aside));
    }
  }

  private static Connection connectFresh(Path file) {
    try {
      Connection connection = connectChecked(file);
      OutboxMarker.write(file);
      return connection;
    } catch (CorruptOutbox again) {
      throw new OutboxException("fresh outbox " + file + " is unusable: " + again.getMessage());
    }
  }

  private static Connection connectChecked(Path file) {
    Connection connection = null;
    try {
      OwnerOnlyFiles.createFile(file); // before SQLite: its -wal takes this file's mode
    } catch (IOException e) {
      throw new OutboxException("cannot create the outbox " + file + ": " + e.getMessage(), e);
    }
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement statement = connection.createStatement()) {
        // first, before anything reads the file: a WAL database opened in exclusive locking mode
        // keeps its WAL index in the process's memory, so no -shm file (and no descriptor for it)
        statement.execute("PRAGMA locking_mode=EXCLUSIVE");
        try (ResultSet check = statement.executeQuery("PRAGMA quick_check")) {
          String verdict = check.next() ? check.getString(1) : "no answer";
          if (!"ok".equals(verdict)) {
            throw new CorruptOutbox("quick_check says: " + verdict);
          }
        }
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=FULL");
        statement.execute("PRAGMA cache_size=-1024");
        statement.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value BLOB NOT NULL)");
        statement.execute("CREATE TABLE IF NOT EXISTS outbox("
            + "id INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER UNIQUE, kind TEXT NOT NULL, "
            + "priority INTEGER NOT NULL, items INTEGER NOT NULL, bytes INTEGER NOT NULL, "
            + "created_ms INTEGER NOT NULL, body BLOB NOT NULL)");
        statement.execute(
            "CREATE INDEX IF NOT EXISTS outbox_unsent ON outbox(priority, id) WHERE seq IS NULL");
      }
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      int code = e.getErrorCode();
      if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
        throw new CorruptOutbox(e.getMessage());
      }
      throw new OutboxException("cannot open the outbox " + file + ": " + e.getMessage(), e);
    } catch (CorruptOutbox e) {
      closeQuietly(connection);
      throw e;
    }
  }

  private static Path moveAside(Path file) {
    Path aside = file.resolveSibling(
        file.getFileName() + ".corrupt-" + STAMP.format(Instant.now()) + "-" + System.nanoTime() % 10_000);
    try {
      if (Files.exists(file)) {
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
      }
      for (String suffix : new String[] {"-wal", "-shm"}) {
        Path side = file.resolveSibling(file.getFileName() + suffix);
        if (Files.exists(side)) {
          Files.move(side, aside.resolveSibling(aside.getFileName() + suffix));
        }
      }
    } catch (IOException e) {
      throw new OutboxException("cannot move the corrupt outbox " + file + " aside: " + e.getMessage(), e);
    }
    return aside;
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("closing a failed outbox connection: {}", e.toString());
      }
    }
  }

  /** Thrown inside this class only: the file is not a sound SQLite database. */
  static final class CorruptOutbox extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CorruptOutbox(String message) {
      super(message, null, false, false);
    }
  }
}
