package io.spime.cloud.sync.internal;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue between the MQTT callback and the apply thread, bounded both in messages and in payload
 * bytes: a full queue makes the callback wait, which slows the broker's delivery to this client
 * instead of dropping anything. A message larger than the byte bound is still taken when the queue
 * is empty, so nothing waits forever. Once closed (the ingest failed or stopped), it drops what it
 * holds and refuses what comes, and a waiting callback returns.
 */
final class InboundQueue {
  private final int maxMessages;
  private final long maxBytes;
  private final ArrayDeque<Inbound> messages = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Condition notEmpty = lock.newCondition();
  private long bytes;
  private boolean closed;

  InboundQueue(int maxMessages, long maxBytes) {
    if (maxMessages < 1 || maxBytes < 1) {
      throw new IllegalArgumentException(
          "bounds must be positive, were " + maxMessages + " messages, " + maxBytes + " bytes");
    }
    this.maxMessages = maxMessages;
    this.maxBytes = maxBytes;
  }

  /** Waits until the message fits; false if the queue is or gets closed (it is then dropped). */
  boolean put(Inbound message) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (!closed && !fits(message)) {
        notFull.await();
      }
      if (closed) {
        return false;
      }
      messages.addLast(message);
      bytes += message.payload().length;
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The oldest message, waiting at most {@code timeout} for one; null if none came. */
  Inbound poll(long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = unit.toNanos(timeout);
    lock.lockInterruptibly();
    try {
      while (messages.isEmpty() && !closed) {
        if (nanos <= 0) {
          return null;
        }
        nanos = notEmpty.awaitNanos(nanos);
      }
      return take();
    } finally {
      lock.unlock();
    }
  }

  /** The oldest message, or null at once if there is none. */
  Inbound poll() {
    lock.lock();
    try {
      return take();
    } finally {
      lock.unlock();
    }
  }

  /** Drops what is queued and refuses everything from now on; waiting callers return. */
  void close() {
    lock.lock();
    try {
      closed = true;
      messages.clear();
      bytes = 0;
      notFull.signalAll();
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return messages.size();
    } finally {
      lock.unlock();
    }
  }

  long bytes() {
    lock.lock();
    try {
      return bytes;
    } finally {
      lock.unlock();
    }
  }

  private boolean fits(Inbound message) {
    return messages.isEmpty()
        || (messages.size() < maxMessages && bytes + message.payload().length <= maxBytes);
  }

  private Inbound take() {
    Inbound message = messages.pollFirst();
    if (message != null) {
      bytes -= message.payload().length;
      notFull.signalAll();
    }
    return message;
  }
}
