package io.spime.agent.internal;

import io.spime.agent.OutboxException;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of signed commands this car has executed, each kept until its envelope expires (after
 * which the verifier refuses it anyway), persisted in the outbox's meta table so that a replay is
 * refused across restarts too. Marked before a command runs: at most once.
 */
final class ExecutedCommands {
  static final String KEY = "executed_commands";
  /** Most ids kept; beyond it the soonest to expire are forgotten first. */
  static final int MAX_IDS = 4096;

  private final Outbox outbox;
  private final Map<String, Long> expiresById;
  private final int maxIds;

  private ExecutedCommands(Outbox outbox, Map<String, Long> expiresById, int maxIds) {
    this.outbox = outbox;
    this.expiresById = expiresById;
    this.maxIds = maxIds;
  }

  /** @throws OutboxException if the stored ids are unreadable */
  static ExecutedCommands load(Outbox outbox) {
    return load(outbox, MAX_IDS);
  }

  /** With another bound than {@link #MAX_IDS}. @throws OutboxException if the stored ids are unreadable */
  static ExecutedCommands load(Outbox outbox, int maxIds) {
    Map<String, Long> ids = new LinkedHashMap<>();
    outbox.getBytes(KEY).ifPresent(bytes -> {
      try {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        while (in.hasRemaining()) {
          long expires = in.getLong();
          byte[] id = new byte[in.getShort() & 0xffff];
          in.get(id);
          ids.put(new String(id, StandardCharsets.UTF_8), expires);
        }
      } catch (BufferUnderflowException e) {
        throw new OutboxException("the stored ids of executed commands are unreadable ("
            + bytes.length + " bytes cut short)", e);
      }
    });
    return new ExecutedCommands(outbox, ids, maxIds);
  }

  boolean contains(String commandId) {
    return expiresById.containsKey(commandId);
  }

  /** Remembers a command id until {@code expiresMillis}, forgetting those expired by {@code nowMillis}. */
  void add(String commandId, long expiresMillis, long nowMillis) {
    expiresById.values().removeIf(expires -> expires < nowMillis);
    while (expiresById.size() >= maxIds) {
      String soonest = expiresById.entrySet().stream().min(Map.Entry.comparingByValue())
          .orElseThrow().getKey();
      expiresById.remove(soonest);
    }
    expiresById.put(commandId, expiresMillis);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    expiresById.forEach((id, expires) -> {
      byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(ByteBuffer.allocate(10).putLong(expires).putShort((short) bytes.length).array());
      out.writeBytes(bytes);
    });
    outbox.putAll(Map.of(KEY, out.toByteArray()));
  }
}
