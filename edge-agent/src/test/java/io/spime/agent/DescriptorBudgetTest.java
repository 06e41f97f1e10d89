package io.spime.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.ClosedPort;
import io.spime.testkit.TestVins;
import io.spime.wire.state.ConsentSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An open agent holds three file descriptors of its data directory: {@code outbox.db}, its
 * {@code -wal} and {@code agent.lock}. No {@code -shm} (the outbox's exclusive locking mode) and no
 * journal descriptor (the segments stay mapped after theirs closes). A fleet of 10,000 agents in one
 * process depends on it: the hard limit of open files here is 20,000.
 */
class DescriptorBudgetTest {
  private static final int AGENTS = 10;
  private static final Path FDS = Path.of("/proc/self/fd");

  @TempDir Path dir;

  @Test
  void an_open_agent_holds_three_descriptors_of_its_data_directory() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(FDS), "descriptors are counted in /proc/self/fd (Linux)");
    Path cars = dir.toRealPath().resolve("cars"); // as /proc/self/fd names the files
    Files.createDirectories(cars);
    String broker = "tcp://127.0.0.1:" + ClosedPort.find();
    int before = openDescriptors().size();
    List<EdgeAgent> agents = new ArrayList<>();
    try {
      for (int i = 0; i < AGENTS; i++) {
        EdgeAgent agent = EdgeAgent.builder(TestVins.random(), broker, cars.resolve("car-" + i))
            .consent(ConsentSet.all()).batchWindow(Duration.ofHours(1)).build();
        agents.add(agent);
        agent.start();
        agent.record(2, 1_700_000_000_000L, i);
        agent.flush(); // sealed into the outbox: its WAL file is open now
      }
      List<String> held = openDescriptors().stream()
          .filter(target -> target.startsWith(cars.toString())).toList();
      for (int i = 0; i < AGENTS; i++) {
        String car = cars.resolve("car-" + i) + "/";
        List<String> names = held.stream().filter(target -> target.startsWith(car))
            .map(target -> target.substring(car.length())).sorted().toList();
        assertEquals(List.of("agent.lock", "outbox.db", "outbox.db-wal"), names,
            "descriptors of car-" + i + "'s data directory");
      }
      int grown = openDescriptors().size() - before;
      // the three files, and at most one socket per agent (its broker is unreachable)
      assertTrue(grown <= AGENTS * 4, grown + " descriptors more for " + AGENTS + " agents");
    } finally {
      for (EdgeAgent agent : agents) {
        agent.close();
      }
    }
    List<String> left = openDescriptors().stream()
        .filter(target -> target.startsWith(cars.toString())).toList();
    assertEquals(List.of(), left, "closed agents hold no descriptor of their data directories");
  }

  private static List<String> openDescriptors() throws IOException {
    List<String> targets = new ArrayList<>();
    try (Stream<Path> fds = Files.list(FDS)) {
      for (Path fd : fds.toList()) {
        try {
          targets.add(Files.readSymbolicLink(fd).toString());
        } catch (IOException gone) {
          // the descriptor that listed the folder, or one closed meanwhile
        }
      }
    }
    return targets;
  }
}
