package io.spime.agent.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.agent.OutboxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executed command ids: kept across reopening, forgotten after expiry, bounded, never misread. */
class ExecutedCommandsTest {
  private static final long LIMIT = 64L * 1024 * 1024;
  private static final long T0 = 1_795_000_000_000L;

  @TempDir Path dir;

  @Test
  void ids_survive_reopening_the_outbox_until_they_expire() {
    Path file = dir.resolve("outbox.db");
    try (Outbox outbox = Outbox.open(file, LIMIT)) {
      ExecutedCommands executed = ExecutedCommands.load(outbox);
      executed.add("c-1", T0 + 1_000, T0);
      executed.add("c-ü-2", T0 + 5_000, T0);
    }
    try (Outbox outbox = Outbox.open(file, LIMIT)) {
      ExecutedCommands executed = ExecutedCommands.load(outbox);
      assertTrue(executed.contains("c-1"));
      assertTrue(executed.contains("c-ü-2"));
      executed.add("c-3", T0 + 9_000, T0 + 2_000);
      assertFalse(executed.contains("c-1"), "expired at T0 + 1 s, forgotten at T0 + 2 s");
      assertTrue(executed.contains("c-ü-2"));
    }
  }

  @Test
  void beyond_the_bound_the_soonest_to_expire_are_forgotten_first() {
    try (Outbox outbox = Outbox.open(dir.resolve("outbox.db"), LIMIT)) {
      ExecutedCommands executed = ExecutedCommands.load(outbox, 8);
      executed.add("soonest", T0 + 1, T0);
      for (int i = 0; i < 8; i++) {
        executed.add("c-" + i, T0 + 10_000 + i, T0);
      }
      assertFalse(executed.contains("soonest"));
      assertTrue(executed.contains("c-0"));
      assertTrue(executed.contains("c-7"));
      assertTrue(ExecutedCommands.load(outbox, 8).contains("c-7"), "what is kept is stored");
    }
  }

  @Test
  void stored_ids_cut_short_are_refused_not_dropped() {
    try (Outbox outbox = Outbox.open(dir.resolve("outbox.db"), LIMIT)) {
      outbox.putAll(Map.of(ExecutedCommands.KEY, new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 0, 9, 'c'}));
      assertThrows(OutboxException.class, () -> ExecutedCommands.load(outbox));
    }
  }
}
