package io.spime.agent.internal;

import io.spime.wire.Priority;
import io.spime.wire.TopicKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every readable row of an outbox that was moved aside as corrupt, by ranges of row ids and
 * row by row inside a range that fails, so that one damaged page loses only the rows on it. The
 * rows go to the new outbox unsent (a new stream numbers them); the moved file is left as it was.
 */
final class OutboxSalvage {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxSalvage.class);
  private static final int RANGE = 64;
  private static final String SELECT =
      "SELECT id, kind, priority, items, created_ms, body FROM outbox WHERE id >= ? AND id < ? ORDER BY id";

  /** What a salvage found: rows and their samples or events copied, and rows that failed to read. */
  record Result(long rows, long items, long unreadableRows) {}

  private long rows;
  private long items;
  private long unreadable;

  private OutboxSalvage() {}

  /** Copies the readable rows of {@code corrupt} to {@code sink}, in chunks, and logs the count. */
  static Result salvage(Path corrupt, Consumer<List<OutboxRow>> sink) {
    OutboxSalvage salvage = new OutboxSalvage();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + corrupt.toAbsolutePath())) {
      long[] bounds = salvage.idBounds(db);
      if (bounds == null) {
        LOG.error("salvage of {}: no row could be read (its outbox table is unreadable)", corrupt);
        return new Result(0, 0, 0);
      }
      try (PreparedStatement select = db.prepareStatement(SELECT)) {
        for (long from = bounds[0]; from <= bounds[1]; from += RANGE) {
          sink.accept(salvage.range(select, from, Math.min(from + RANGE, bounds[1] + 1)));
        }
      }
    } catch (SQLException e) {
      LOG.error("salvage of {} stopped: {}", corrupt, e.getMessage());
    }
    Result result = new Result(salvage.rows, salvage.items, salvage.unreadable);
    if (result.unreadableRows() > 0) {
      LOG.error("salvage of {}: {} rows ({} samples or events) copied into the new outbox to be "
          + "sent; {} rows could not be read and are lost", corrupt, result.rows(), result.items(),
          result.unreadableRows());
    } else {
      LOG.warn("salvage of {}: {} rows ({} samples or events) copied into the new outbox to be "
          + "sent; no unreadable row found", corrupt, result.rows(), result.items());
    }
    return result;
  }

  /** The lowest and highest row id, from the table or, failing that, from its id counter. */
  private long[] idBounds(Connection db) {
    try (Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery("SELECT min(id), max(id) FROM outbox")) {
      if (rs.next() && rs.getObject(1) != null) {
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
      return new long[] {1, 0};
    } catch (SQLException e) {
      LOG.debug("salvage: min/max of the outbox ids failed ({}); trying the id counter", e.getMessage());
    }
    try (Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")) {
      return rs.next() ? new long[] {1, rs.getLong(1)} : null;
    } catch (SQLException e) {
      return null;
    }
  }

  private List<OutboxRow> range(PreparedStatement select, long from, long to) {
    try {
      return read(select, from, to);
    } catch (SQLException rangeFailed) {
      List<OutboxRow> out = new ArrayList<>();
      for (long id = from; id < to; id++) {
        try {
          out.addAll(read(select, id, id + 1));
        } catch (SQLException rowFailed) {
          unreadable++;
        }
      }
      return out;
    }
  }

  private List<OutboxRow> read(PreparedStatement select, long from, long to) throws SQLException {
    select.setLong(1, from);
    select.setLong(2, to);
    List<OutboxRow> out = new ArrayList<>();
    long found = 0;
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        found++;
        OutboxRow row = row(rs);
        if (row != null) {
          out.add(row);
        }
      }
    }
    long broken = found - out.size();
    unreadable += broken;
    rows += out.size();
    items += out.stream().mapToLong(OutboxRow::items).sum();
    return out;
  }

  private static OutboxRow row(ResultSet rs) throws SQLException {
    TopicKind kind = null;
    for (TopicKind candidate : TopicKind.values()) {
      if (candidate.segment().equals(rs.getString(2))) {
        kind = candidate;
      }
    }
    int priority = rs.getInt(3);
    byte[] body = rs.getBytes(6);
    if (kind == null || priority < 0 || priority >= Priority.values().length || body == null
        || body.length == 0) {
      return null;
    }
    return new OutboxRow(kind, Priority.values()[priority], rs.getInt(4), rs.getLong(5), body);
  }
}
