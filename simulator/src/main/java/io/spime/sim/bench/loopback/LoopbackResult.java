package io.spime.sim.bench.loopback;

/**
 * What one broker loopback run delivered.
 *
 * @param shape how the subscriber subscribed, such as {@code wildcard} or {@code shared}
 * @param filter its topic filter
 * @param payloadBytes bytes of every message
 * @param publishers publishing connections
 * @param seconds whole seconds measured
 * @param messagesPerSecond median messages per second delivered to the subscriber
 * @param minMessagesPerSecond the slowest second
 * @param megabytesPerSecond median payload megabytes (10^6 B) per second delivered
 * @param published messages published over the whole run, warm-up included
 * @param delivered messages the subscriber received over the whole run
 */
public record LoopbackResult(
    String shape,
    String filter,
    int payloadBytes,
    int publishers,
    int seconds,
    double messagesPerSecond,
    double minMessagesPerSecond,
    double megabytesPerSecond,
    long published,
    long delivered) {

  /** Published messages the subscriber never received. */
  public long lost() {
    return Math.max(0, published - delivered);
  }
}
