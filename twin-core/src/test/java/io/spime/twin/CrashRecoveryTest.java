package io.spime.twin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.twin.battery.BatteryCondition;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashRecoveryTest {
  @TempDir Path dir;

  @Test
  void a_writer_killed_mid_batch_leaves_every_batch_whole_or_absent() throws Exception {
    Path file = dir.resolve("crash.db");
    Process writer = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), file.toString())
        .redirectErrorStream(true)
        .start();
    AtomicInteger committed = new AtomicInteger();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("committed ")) {
            committed.set(Integer.parseInt(line.substring(10).trim()));
          }
        }
      } catch (java.io.IOException e) {
        // the writer was killed: its output ends here
      }
    });
    reader.start();
    try {
      await().atMost(Duration.ofSeconds(90)).until(() -> committed.get() >= 3 || !writer.isAlive());
      assertTrue(writer.isAlive(), "the writer died by itself after " + committed.get() + " commits");
    } finally {
      writer.destroyForcibly().waitFor();
      reader.join(10_000);
    }
    int acknowledged = committed.get();
    try (TwinStore store = TwinStores.sqlite(file, CrashWriter.options())) {
      Set<Long> revisions = new HashSet<>();
      for (int i = 0; i < CrashWriter.CARS; i++) {
        Twin twin = store.twin(TestVins.numbered(i)).orElseThrow();
        revisions.add(twin.revision());
        assertEquals(twin.revision(), store.history(TestVins.numbered(i), 0, 1_000_000).size());
        assertEquals(twin, store.atRevision(TestVins.numbered(i), twin.revision()).orElseThrow());
      }
      assertEquals(1, revisions.size(), "every car at the same batch: " + revisions);
      long revision = revisions.iterator().next();
      assertEquals(0, (revision - 5) % CrashWriter.EVENTS_PER_CAR, "no batch applied in part: " + revision);
      assertTrue((revision - 5) / CrashWriter.EVENTS_PER_CAR >= acknowledged,
          "every batch reported committed is there: " + revision + " after " + acknowledged);
      List<AppendResult> next = store.appendAll(List.of(new AppendRequest(TestVins.numbered(0), revision,
          Fixtures.timeline(java.time.Instant.parse("2190-01-01T00:00:00Z"), Fixtures.CAR,
              new io.spime.twin.event.BatteryMeasured(new BatteryCondition(80, 900, 60))))));
      assertEquals(revision + 1, next.get(0).revision());
    }
  }
}
