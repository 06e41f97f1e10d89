package io.spime.cloud.service.internal.audit;

import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
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
import java.util.Optional;

/**
 * The audit trail of personal-data reads, in its own SQLite file (owner-only) beside the twin store:
 * append and read by data subject. One connection, used under the object's lock.
 */
public final class AuditTrail implements AutoCloseable {
  private final Connection db;

  private AuditTrail(Connection db) {
    this.db = db;
  }

  /**
   * Opens or creates the trail in this file.
   *
   * @throws AuditException if the file cannot be opened
   */
  public static AuditTrail open(Path file) {
    try {
      if (!Files.exists(file)) {
        OwnerOnlyFiles.createFile(file);
      }
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("CREATE TABLE IF NOT EXISTS personal_data_reads (id INTEGER PRIMARY KEY, at_millis INTEGER NOT NULL,"
            + " reader TEXT NOT NULL, role TEXT NOT NULL, subject TEXT NOT NULL, vin TEXT, what TEXT NOT NULL,"
            + " basis TEXT NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS reads_by_subject ON personal_data_reads (subject, id)");
      }
      return new AuditTrail(c);
    } catch (SQLException | IOException e) {
      throw new AuditException("cannot open the audit trail " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Appends an entry, durably, before the data is handed out.
   *
   * @throws AuditException if it cannot be written; then the data must not be handed out
   */
  public void record(AuditEntry e) {
    recordAll(List.of(e));
  }

  /**
   * Appends entries in one transaction, durably, before the data is handed out.
   *
   * @throws AuditException if they cannot be written; then the data must not be handed out
   */
  public synchronized void recordAll(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    try {
      db.setAutoCommit(false);
      try (PreparedStatement p = db.prepareStatement("INSERT INTO personal_data_reads"
          + " (at_millis, reader, role, subject, vin, what, basis) VALUES (?,?,?,?,?,?,?)")) {
        for (AuditEntry e : entries) {
          p.setLong(1, e.at().toEpochMilli());
          p.setString(2, e.reader());
          p.setString(3, e.role());
          p.setString(4, e.subject());
          p.setString(5, e.vin().orElse(null));
          p.setString(6, e.what());
          p.setString(7, e.basis());
          p.addBatch();
        }
        p.executeBatch();
        db.commit();
      } catch (SQLException ex) {
        db.rollback();
        throw ex;
      } finally {
        db.setAutoCommit(true);
      }
    } catch (SQLException ex) {
      throw new AuditException("cannot write the audit trail: " + ex.getMessage(), ex);
    }
  }

  /**
   * The reads of a subject's data, oldest first, at most {@code limit}.
   *
   * @throws AuditException if the trail cannot be read
   */
  public synchronized List<AuditEntry> about(String subject, int limit) {
    try (PreparedStatement p = db.prepareStatement("SELECT at_millis, reader, role, subject, vin, what, basis"
        + " FROM personal_data_reads WHERE subject = ? ORDER BY id LIMIT ?")) {
      p.setString(1, subject);
      p.setInt(2, limit);
      List<AuditEntry> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new AuditEntry(Instant.ofEpochMilli(r.getLong(1)), r.getString(2), r.getString(3), r.getString(4),
              Optional.ofNullable(r.getString(5)), r.getString(6), r.getString(7)));
        }
      }
      return out;
    } catch (SQLException ex) {
      throw new AuditException("cannot read the audit trail: " + ex.getMessage(), ex);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw new AuditException("cannot close the audit trail: " + e.getMessage(), e);
    }
  }
}
