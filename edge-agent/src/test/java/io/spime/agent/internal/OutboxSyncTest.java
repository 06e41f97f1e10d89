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
 * Numbering and deleting acknowledged rows commit without a sync; these tests hold the two facts
 * that make that safe in a power cut: numbering from any earlier committed state gives every row
 * the seq it got before, and the sync level really changes between transactions.
 */
class OutboxSyncTest {
  private static final long LIMIT = 1 << 20;

  @TempDir Path dir;

  @Test
  void numberingRepeatedFromAnEarlierStateGivesEveryRowTheSameSeq() throws IOException {
    Path live = dir.resolve("live/outbox.db");
    Files.createDirectories(live.getParent());
    List<String> sent = new ArrayList<>();
    Path beforeNumbering;
    Path afterFirstNumbering;
    try (Outbox outbox = Outbox.open(live, LIMIT)) {
      outbox.seal(1, List.of(row(Priority.NORMAL, "n1"), row(Priority.LOW, "l1"),
          row(Priority.CRITICAL, "c1"), row(Priority.NORMAL, "n2")));
      outbox.store(row(Priority.CRITICAL, "c2"));
      beforeNumbering = copy(live, "cut-before");
      sent.addAll(bodies(outbox.numberNext(2)));
      afterFirstNumbering = copy(live, "cut-after-first");
      sent.addAll(bodies(outbox.numberNext(10)));
      outbox.acknowledge(3);
    }
    assertEquals(List.of("1=c1", "2=c2", "3=n1", "4=n2", "5=l1"), sent);

    try (Outbox replay = Outbox.open(beforeNumbering, LIMIT)) {
      assertEquals(sent, bodies(replay.numberNext(10)));
    }
    try (Outbox replay = Outbox.open(afterFirstNumbering, LIMIT)) {
      List<String> again = new ArrayList<>(bodies(replay.numberNext(1)));
      again.addAll(bodies(replay.numberNext(10)));
      assertEquals(sent.subList(2, 5), again);
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
