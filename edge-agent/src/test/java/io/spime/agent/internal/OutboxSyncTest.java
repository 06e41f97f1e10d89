package io.spime.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spime.agent.OutboxException;
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
  void syncLevelSwitchesBackAndForth() throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s.db"))) {
      try (Statement statement = db.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=FULL");
      }
      SyncLevel level = new SyncLevel(db);
      assertEquals(2, synchronous(db), "making the level changes nothing");
      level.relaxed();
      assertEquals(1, synchronous(db), "NORMAL");
      level.full();
      assertEquals(2, synchronous(db), "FULL");
      level.relaxed();
      assertEquals(1, synchronous(db), "NORMAL again");
      level.full();
      assertEquals(2, synchronous(db), "FULL again");
    }
  }

  @Test
  void acknowledgingAfterAReopenFreesTheBytesOfTheNumberedRows() {
    Path file = dir.resolve("outbox.db");
    try (Outbox outbox = Outbox.open(file, LIMIT)) {
      outbox.seal(1, List.of(row(Priority.NORMAL, "aaaa"), row(Priority.NORMAL, "bb"),
          row(Priority.LOW, "c")), new SendWindow(2, 16));
      assertEquals(List.of(), outbox.numberNext(0));
    }
    try (Outbox outbox = Outbox.open(file, LIMIT)) {
      assertEquals(3, outbox.backlogRows());
      assertEquals(7, outbox.backlogBytes());
      assertEquals(2, outbox.acknowledge(2), "both numbered rows go");
      assertEquals(1, outbox.backlogRows());
      assertEquals(1, outbox.backlogBytes(), "only the unsent row's byte is left");
      assertEquals(List.of("3=c"), bodies(outbox.numberNext(10)));
      assertEquals(List.of(), outbox.numberNext(10), "nothing unsent is left to number");
      assertEquals(1, outbox.acknowledge(3));
      assertEquals(0, outbox.backlogBytes());
    }
  }

  @Test
  void aFailedSealLeavesTheCountsAsTheTableHasThem() throws SQLException {
    Path file = dir.resolve("outbox.db");
    try (Outbox outbox = Outbox.open(file, LIMIT)) {
      outbox.seal(1, List.of(row(Priority.NORMAL, "kept")), SendWindow.CLOSED);
    }
    // the outbox holds its file exclusively while open: the failing trigger goes in between
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = other.createStatement()) {
      statement.execute("CREATE TRIGGER no_more BEFORE INSERT ON outbox BEGIN "
          + "SELECT RAISE(ABORT, 'disk says no'); END");
    }
    try (Outbox outbox = Outbox.open(file, LIMIT)) {
      assertThrows(OutboxException.class,
          () -> outbox.seal(2, List.of(row(Priority.NORMAL, "lost")), new SendWindow(16, 16)));
      assertEquals(1, outbox.backlogRows());
      assertEquals(4, outbox.backlogBytes());
      assertEquals(1, outbox.nextSeq(), "nothing was numbered");
      assertEquals(List.of("1=kept"), bodies(outbox.numberNext(10)), "the outbox still works");
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
