package io.spime.sim.internal.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.sim.internal.model.CarSignals;
import io.spime.sim.internal.model.TroubleCode;
import io.spime.wire.telemetry.SignalValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerFileTest {
  @TempDir Path dir;

  @Test
  void a_ledger_continues_across_reopens_with_its_counts_and_last_values() {
    Path path = dir.resolve("car.ledger");
    try (LedgerFile file = LedgerFile.open(path)) {
      Ledger ledger = Ledger.continuing(file);
      ledger.accepted(CarSignals.SPEED, SignalValue.of(42.5));
      ledger.accepted(CarSignals.MOVING, SignalValue.of(true));
      ledger.refuse("java.lang.IllegalArgumentException: no\nsuch\tsignal");
    }
    try (LedgerFile file = LedgerFile.open(path)) {
      Ledger ledger = Ledger.continuing(file);
      assertEquals(2, ledger.accepted());
      assertEquals(1, ledger.refused(), "a refusal reason with a newline stays one line");
      ledger.accepted(CarSignals.SPEED, SignalValue.of(0.1 + 0.2));
    }
    Ledger.Snapshot read = LedgerFile.read(path);
    assertEquals(3, read.accepted());
    assertEquals(SignalValue.of(0.1 + 0.2), read.lastValues().get(CarSignals.SPEED), "exact double");
    assertEquals(SignalValue.of(true), read.lastValues().get(CarSignals.MOVING));
  }

  @Test
  void a_line_torn_by_a_kill_does_not_count_and_is_cut_off_before_the_next_append() throws Exception {
    Path path = dir.resolve("car.ledger");
    try (LedgerFile file = LedgerFile.open(path)) {
      file.accepted(CarSignals.SPEED, SignalValue.of(10));
    }
    Files.writeString(path, "a\tVehicle.Speed\tn\t99", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    assertEquals(1, LedgerFile.read(path).accepted());
    assertEquals(SignalValue.of(10.0), LedgerFile.read(path).lastValues().get(CarSignals.SPEED));

    try (LedgerFile file = LedgerFile.open(path)) {
      assertEquals(1, file.start().accepted());
      file.accepted(CarSignals.SPEED, SignalValue.of(20));
    }
    Ledger.Snapshot read = LedgerFile.read(path);
    assertEquals(2, read.accepted());
    assertEquals(SignalValue.of(20.0), read.lastValues().get(CarSignals.SPEED));
    assertEquals("a\tVehicle.Speed\tn\t10.0\na\tVehicle.Speed\tn\t20.0\n", Files.readString(path),
        "the torn line is gone, the new one follows the last complete one");
  }

  @Test
  void dtc_changes_are_kept_refused_or_left_pending_by_a_kill_and_numbered_across_reopens() {
    Path path = dir.resolve("car.ledger");
    try (LedgerFile file = LedgerFile.open(path)) {
      Ledger ledger = Ledger.continuing(file);
      DtcHistory.Change set = ledger.dtcIntent(TroubleCode.LOW_VOLTAGE, true, 1_000);
      assertEquals("dtc-0-P0562-set", set.eventId());
      ledger.dtcKept();
      ledger.dtcIntent(TroubleCode.TYRE_REAR_LEFT, true, 2_000);
      ledger.dtcRefused("outbox\tfull");
      ledger.dtcIntent(TroubleCode.LOW_VOLTAGE, false, 3_000);
      // killed here: the agent may or may not have kept the clear
    }
    Ledger.Snapshot read = LedgerFile.read(path);
    DtcHistory dtcs = read.dtcs();
    assertEquals(List.of(new DtcHistory.Change("dtc-0-P0562-set", 1_000, TroubleCode.LOW_VOLTAGE,
        true)), dtcs.kept());
    assertEquals(Optional.of(new DtcHistory.Change("dtc-2-P0562-clear", 3_000,
        TroubleCode.LOW_VOLTAGE, false)), dtcs.pending());
    assertEquals(1, read.refused(), "the refused tyre code counts as refused");
    assertEquals(Set.of(), dtcs.open(), "the pending clear counts: it is raised again");
    assertEquals(1, dtcs.raised());
    assertEquals(1, dtcs.cleared());

    try (LedgerFile file = LedgerFile.open(path)) {
      Ledger ledger = Ledger.continuing(file);
      assertEquals(dtcs.pending(), ledger.pendingDtc());
      assertThrows(IllegalStateException.class,
          () -> ledger.dtcIntent(TroubleCode.ISOLATION_FAULT, true, 4_000),
          "the pending change is settled first");
      ledger.dtcKept();
      assertEquals("dtc-3-P0AA6-set",
          ledger.dtcIntent(TroubleCode.ISOLATION_FAULT, true, 4_000).eventId());
      ledger.dtcKept();
    }
    DtcHistory after = LedgerFile.read(path).dtcs();
    assertEquals(3, after.kept().size());
    assertEquals(Optional.empty(), after.pending());
    assertEquals(Set.of(TroubleCode.ISOLATION_FAULT), after.open());
    assertEquals(4, after.intents());
  }

  @Test
  void an_outcome_line_for_no_pending_dtc_change_is_refused_with_its_line() throws Exception {
    Path path = dir.resolve("bad.ledger");
    Files.writeString(path, "d\tdtc-0-P0562-set\t1000\tP0562\tset\nk\tdtc-9-P0562-set\n");
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> LedgerFile.read(path));
    assertTrue(error.getMessage().contains("line 2 is malformed"), error.getMessage());
    assertTrue(error.getMessage().contains("dtc-0-P0562-set is pending"), error.getMessage());
    Files.writeString(path, "d\tdtc-0-Q1234-set\t1000\tQ1234\tset\n");
    error = assertThrows(IllegalStateException.class, () -> LedgerFile.read(path));
    assertTrue(error.getMessage().contains("line 1 is not a DTC change"), error.getMessage());
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
