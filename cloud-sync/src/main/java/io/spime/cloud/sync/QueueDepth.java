package io.spime.cloud.sync;

/**
 * What waits in the ingest's queue between the broker and the store now.
 *
 * @param messages raw messages queued
 * @param bytes their payload bytes
 */
public record QueueDepth(int messages, long bytes) {
  public QueueDepth {
    if (messages < 0 || bytes < 0) {
      throw new IllegalArgumentException("queue depth cannot be negative: " + messages + " messages, " + bytes + " bytes");
    }
  }
}
