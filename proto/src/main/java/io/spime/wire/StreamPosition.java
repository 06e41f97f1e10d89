package io.spime.wire;

/**
 * Where an uplink message sits in its vehicle's sequence: the outbox stream, the message's number in
 * it, and the agent boot that sent it.
 *
 * @param streamId random, non-zero; new when the agent creates its outbox
 * @param seq 1-based, gapless within the stream
 * @param bootId random, non-zero; new on every agent start (diagnostic only)
 */
public record StreamPosition(long streamId, long seq, long bootId) {
  public StreamPosition {
    if (streamId == 0) {
      throw new IllegalArgumentException("streamId must not be 0");
    }
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be 1 or more, was " + seq);
    }
    if (bootId == 0) {
      throw new IllegalArgumentException("bootId must not be 0");
    }
  }
}
