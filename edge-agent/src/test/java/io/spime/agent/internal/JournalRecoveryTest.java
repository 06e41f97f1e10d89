package io.spime.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.wire.Priority;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRecoveryTest {
  @TempDir Path dir;

  private static Sample sample(int i) {
    return new Sample(1, 1_000L + i, new SignalValue.Number(i));
  }

  @Test
  void samples_appended_but_never_sealed_are_found_again_by_a_new_process() {
    Journal first = Journal.open(dir, 64 * 1024);
    first.start(1);
    for (int i = 0; i < 100; i++) {
      assertTrue(first.append(sample(i), Priority.NORMAL));
    }
    first.append(new Sample(3, 5L, new SignalValue.Bool(true)), Priority.CRITICAL);
    first.append(new Sample(7, 6L, new SignalValue.Text("héllo")), Priority.LOW);
    Journal second = Journal.open(dir, 64 * 1024);
    List<Journal.Recovered> found = second.recover(0);
    assertEquals(1, found.size());
    List<PendingSample> samples = found.get(0).samples();
    assertEquals(102, samples.size());
    assertEquals(sample(99), samples.get(99).sample());
    assertEquals(new SignalValue.Bool(true), samples.get(100).sample().value());
    assertEquals(Priority.CRITICAL, samples.get(100).priority());
    assertEquals(new SignalValue.Text("héllo"), samples.get(101).sample().value());
  }

  @Test
  void a_generation_already_sealed_is_not_recovered_twice() {
    Journal first = Journal.open(dir, 64 * 1024);
    first.start(5);
    first.append(sample(1), Priority.NORMAL);
    first.rotate(6);
    first.append(sample(2), Priority.NORMAL);
    List<Journal.Recovered> found = Journal.open(dir, 64 * 1024).recover(5);
    assertEquals(1, found.size());
    assertEquals(6, found.get(0).generation());
    assertEquals(sample(2), found.get(0).samples().get(0).sample());
  }

  @Test
  void a_torn_last_record_ends_recovery_without_losing_the_ones_before_it() throws IOException {
    Journal first = Journal.open(dir, 64 * 1024);
    first.start(1);
    for (int i = 0; i < 10; i++) {
      first.append(sample(i), Priority.NORMAL);
    }
    int recordBytes = 8 + 22;
    long tornAt = JournalSegment.HEADER_BYTES + 9L * recordBytes + 8 + 5;
    try (RandomAccessFile raf = new RandomAccessFile(dir.resolve("journal-0.bin").toFile(), "rw")) {
      raf.seek(tornAt);
      raf.write(0x7f);
    }
    List<Journal.Recovered> found = Journal.open(dir, 64 * 1024).recover(0);
    assertEquals(9, found.get(0).samples().size());
  }

  @Test
  void records_left_over_from_an_older_generation_are_not_valid_after_a_reset() {
    Journal journal = Journal.open(dir, 64 * 1024);
    journal.start(1);
    journal.append(sample(1), Priority.NORMAL);
    journal.rotate(2);
    journal.append(sample(2), Priority.NORMAL);
    journal.rotate(3); // back on segment 0: the generation-1 record must not come back
    List<Journal.Recovered> found = Journal.open(dir, 64 * 1024).recover(1);
    assertEquals(1, found.size());
    assertEquals(2, found.get(0).generation());
  }
}
