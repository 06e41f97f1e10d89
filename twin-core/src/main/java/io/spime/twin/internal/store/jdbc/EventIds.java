package io.spime.twin.internal.store.jdbc;

import io.spime.twin.EventId;
import java.nio.ByteBuffer;
import java.util.UUID;

/** Event ids as the journal stores them: 16 bytes, most significant half first. */
final class EventIds {
  private EventIds() {}

  static byte[] bytes(EventId id) {
    UUID u = id.value();
    return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
  }

  static EventId of(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    return new EventId(new UUID(b.getLong(), b.getLong()));
  }
}
