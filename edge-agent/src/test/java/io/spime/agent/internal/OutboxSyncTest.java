package io.spime.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spime.wire.Priority;
import io.spime.wire.TopicKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch that goes straight out costs one fsync: the seal numbers it in its own (fsynced)
 * transaction, and the delete on the cloud's ack is not fsynced.
 */
class OutboxSyncTest {
  private static final long LIMIT = 1 << 20;

  @TempDir Path dir;

  @Test
  void sealNumbersWhatTheWindowAllowsInTheSameCommit() throws IOException {
    Path live = dir.resolve("live/outbox.db");
    Files.createDirectories(live.getParent());
    Path afterSeal;
    try (Outbox outbox = Outbox.open(live, LIMIT)) {
      SealResult first = outbox.seal(1, List.of(row(Priority.NORMAL, "n1"), row(Priority.LOW, "l1"),
          row(Priority.CRITICAL, "c1"), row(Priority.NORMAL, "n2")), new SendWindow(3, 256));
      assertEquals(3, first.numbered());
      assertEquals(4, outbox.nextSeq());
      assertEquals(List.of("1=c1", "2=n1", "3=n2"), bodies(outbox.numbered(1, 10)));
      afterSeal = copy(live, "copy-after-seal");
      assertEquals(List.of("4=l1"), bodies(outbox.numberNext(10)), "the rest as before");
    }
    try (Outbox copy = Outbox.open(afterSeal, LIMIT)) {
      assertEquals(4, copy.nextSeq(), "the numbering is part of the seal's commit");
      assertEquals(List.of("1=c1", "2=n1", "3=n2"), bodies(copy.numbered(1, 10)));
    }
  }

  @Test
  void sealNumbersNoMoreThanTheUnackedLimitAndNothingWhenClosed() {
    try (Outbox outbox = Outbox.open(dir.resolve("outbox.db"), LIMIT)) {
      outbox.seal(1, List.of(row(Priority.NORMAL, "a"), row(Priority.NORMAL, "b")), SendWindow.CLOSED);
      assertEquals(1, outbox.nextSeq(), "offline: rows stay unnumbered");
      SealResult result = outbox.seal(2, List.of(row(Priority.NORMAL, "c")), new SendWindow(16, 2));
      assertEquals(2, result.numbered());
      assertEquals(List.of("1=a", "2=b"), bodies(outbox.numbered(1, 10)));
      outbox.acknowledge(1);
      SealResult next = outbox.seal(3, List.of(row(Priority.NORMAL, "d")), new SendWindow(16, 2));
      assertEquals(1, next.numbered(), "one acked, so one more may go");
      assertEquals(List.of("2=b", "3=c"), bodies(outbox.numbered(2, 10)));
    }
  }

  @Test
  void syncLevelChangesBetweenTransactions() throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s.db"))) {
      try (Statement statement = db.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=FULL");
      }
      db.setAutoCommit(false);
      try (Statement statement = db.createStatement()) {
        statement.execute("CREATE TABLE t(x INTEGER)");
        statement.execute("INSERT INTO t VALUES (1)");
      }
      db.commit();
      SyncLevel level = new SyncLevel(db);
      level.relaxed();
      assertEquals(1, synchronous(db), "NORMAL");
      level.full();
      assertEquals(2, synchronous(db), "FULL");
      try (Statement statement = db.createStatement()) {
        statement.execute("INSERT INTO t VALUES (2)");
      }
      db.rollback();
      try (Statement statement = db.createStatement();
          ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM t")) {
        rs.next();
        assertEquals(1, rs.getInt(1), "still in manual-commit mode after the switch");
      }
    }
  }

  private static int synchronous(Connection db) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA synchronous")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private Path copy(Path live, String name) throws IOException {
    Path target = dir.resolve(name).resolve("outbox.db");
    Files.createDirectories(target.getParent());
    Files.copy(live, target);
    Path wal = live.resolveSibling("outbox.db-wal");
    if (Files.exists(wal)) {
      Files.copy(wal, target.resolveSibling("outbox.db-wal"));
    }
    return target;
  }

  private static OutboxRow row(Priority priority, String body) {
    return new OutboxRow(TopicKind.TELEMETRY, priority, 1, 1_700_000_000_000L,
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> bodies(List<OutMessage> messages) {
    List<String> out = new ArrayList<>();
    for (OutMessage message : messages) {
      out.add(message.seq() + "=" + new String(message.body(), StandardCharsets.UTF_8));
    }
    return out;
  }
}
