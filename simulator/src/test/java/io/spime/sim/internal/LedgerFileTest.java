package io.spime.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.wire.SignalValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerFileTest {
  @TempDir Path dir;

  @Test
  void a_ledger_continues_across_reopens_with_its_counts_and_last_values() {
    Path path = dir.resolve("car.ledger");
    try (LedgerFile file = LedgerFile.open(path)) {
      Ledger ledger = Ledger.continuing(file);
      ledger.accepted(VirtualCar.SPEED, SignalValue.of(42.5));
      ledger.accepted(VirtualCar.MOVING, SignalValue.of(true));
      ledger.refuse("java.lang.IllegalArgumentException: no\nsuch\tsignal");
    }
    try (LedgerFile file = LedgerFile.open(path)) {
      Ledger ledger = Ledger.continuing(file);
      assertEquals(2, ledger.accepted());
      assertEquals(1, ledger.refused(), "a refusal reason with a newline stays one line");
      ledger.accepted(VirtualCar.SPEED, SignalValue.of(0.1 + 0.2));
    }
    Ledger.Snapshot read = LedgerFile.read(path);
    assertEquals(3, read.accepted());
    assertEquals(SignalValue.of(0.1 + 0.2), read.lastValues().get(VirtualCar.SPEED), "exact double");
    assertEquals(SignalValue.of(true), read.lastValues().get(VirtualCar.MOVING));
  }

  @Test
  void a_line_torn_by_a_kill_does_not_count_and_is_cut_off_before_the_next_append() throws Exception {
    Path path = dir.resolve("car.ledger");
    try (LedgerFile file = LedgerFile.open(path)) {
      file.accepted(VirtualCar.SPEED, SignalValue.of(10));
    }
    Files.writeString(path, "a\tVehicle.Speed\tn\t99", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    assertEquals(1, LedgerFile.read(path).accepted());
    assertEquals(SignalValue.of(10.0), LedgerFile.read(path).lastValues().get(VirtualCar.SPEED));

    try (LedgerFile file = LedgerFile.open(path)) {
      assertEquals(1, file.start().accepted());
      file.accepted(VirtualCar.SPEED, SignalValue.of(20));
    }
    Ledger.Snapshot read = LedgerFile.read(path);
    assertEquals(2, read.accepted());
    assertEquals(SignalValue.of(20.0), read.lastValues().get(VirtualCar.SPEED));
    assertEquals("a\tVehicle.Speed\tn\t10.0\na\tVehicle.Speed\tn\t20.0\n", Files.readString(path),
        "the torn line is gone, the new one follows the last complete one");
  }

  @Test
  void a_missing_ledger_is_empty_and_a_malformed_one_is_refused_with_its_line() throws Exception {
    assertEquals(Ledger.Snapshot.EMPTY, LedgerFile.read(dir.resolve("none.ledger")));
    Path path = dir.resolve("bad.ledger");
    Files.writeString(path, "a\tVehicle.Speed\tn\t1.0\nx\n");
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> LedgerFile.read(path));
    assertTrue(error.getMessage().contains("line 2 is malformed"), error.getMessage());
  }
}
