package io.spime.agent.internal;

import io.spime.agent.OutboxException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Where the outbox's stream stands, as its meta table keeps it: the stream id, the next sequence to
 * number, the highest acknowledged one and the journal generation sealed last. Writes go into the
 * caller's open transaction; what the getters return changes only once that transaction committed
 * ({@link #committed}), and a rolled-back write is forgotten ({@link #discard}). Not thread-safe:
 * {@link Outbox} calls it under its lock.
 */
final class OutboxStream {
  private final MetaStore meta;
  private final long id;
  private long ackedSeq;
  private long nextSeq;
  private long sealedGeneration;
  private long writtenAckedSeq;
  private long writtenNextSeq;
  private long writtenSealedGeneration;

  private OutboxStream(MetaStore meta, long id, long ackedSeq, long nextSeq, long sealedGeneration) {
    this.meta = meta;
    this.id = id;
    this.ackedSeq = ackedSeq;
    this.nextSeq = nextSeq;
    this.sealedGeneration = sealedGeneration;
    discard();
  }

  /**
   * Reads the stream, or starts a new one (random non-zero id, nothing sent) in an outbox that has
   * none; call in an open transaction.
   *
   * @throws OutboxException if the table holds rows but there is no stream id
   */
  static OutboxStream load(MetaStore meta, OutboxTable table, Path file) throws SQLException {
    long id = meta.getLong("stream_id").orElse(0L);
    if (id == 0) {
      if (!table.isEmpty()) {
        throw new OutboxException("outbox " + file + " holds rows but no stream id");
      }
      id = RandomIds.nonZero();
      meta.putLong("stream_id", id);
      meta.putLong("acked_seq", 0);
      meta.putLong("next_seq", 1);
      meta.putLong("sealed_generation", 0);
    }
    return new OutboxStream(meta, id, meta.getLong("acked_seq").orElse(0L),
        meta.getLong("next_seq").orElse(1L), meta.getLong("sealed_generation").orElse(0L));
  }

  long id() {
    return id;
  }

  long ackedSeq() {
    return ackedSeq;
  }

  /** The sequence the next numbered row will get. */
  long nextSeq() {
    return nextSeq;
  }

  long sealedGeneration() {
    return sealedGeneration;
  }

  /** Numbered rows not yet acknowledged. */
  long unacked() {
    return nextSeq - 1 - ackedSeq;
  }

  /** Records journal generation {@code generation} as sealed, unless a later one already is. */
  void sealed(long generation) throws SQLException {
    if (generation > sealedGeneration) {
      meta.putLong("sealed_generation", generation);
      writtenSealedGeneration = generation;
    }
  }

  /** Records that rows up to {@code lastSeq} are numbered. */
  void numberedUpTo(long lastSeq) throws SQLException {
    meta.putLong("next_seq", lastSeq + 1);
    writtenNextSeq = lastSeq + 1;
  }

  /** Records {@code seq} as the highest acknowledged sequence. */
  void acked(long seq) throws SQLException {
    meta.putLong("acked_seq", seq);
    writtenAckedSeq = seq;
  }

  /** The transaction with the writes since the last commit or discard committed. */
  void committed() {
    ackedSeq = writtenAckedSeq;
    nextSeq = writtenNextSeq;
    sealedGeneration = writtenSealedGeneration;
  }

  /** The transaction with the writes since the last commit or discard rolled back. */
  void discard() {
    writtenAckedSeq = ackedSeq;
    writtenNextSeq = nextSeq;
    writtenSealedGeneration = sealedGeneration;
  }
}
