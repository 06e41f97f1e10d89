package io.spime.sim.internal.process;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.agent.EdgeAgent;
import io.spime.cloud.sync.FleetIngest;
import io.spime.mqtt.MqttSecurity;
import io.spime.sim.internal.car.CarAgents;
import io.spime.sim.internal.car.VinFactory;
import io.spime.sim.internal.ledger.DtcHistory;
import io.spime.sim.internal.ledger.Ledger;
import io.spime.sim.internal.ledger.LedgerFile;
import io.spime.sim.internal.model.CarSignals;
import io.spime.sim.internal.model.TroubleCode;
import io.spime.sim.internal.office.RegisteringOffice;
import io.spime.sim.internal.scenario.ScenarioFile;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.sim.internal.verify.DtcCheck;
import io.spime.sim.internal.verify.TwinComparison;
import io.spime.testkit.TestBrokers;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import io.spime.wire.AssetId;
import io.spime.wire.event.EventDetail;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.telemetry.SignalValue;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The out-of-process car's side, run in this JVM: its protocol, its ledger, and a restart. */
class CarProcessTest {
  private static final AssetId VIN = VinFactory.vin(77, 0);
  @TempDir Path dir;

  @Test
  void a_restarted_car_continues_its_ledger_and_its_odometer_and_every_sample_reaches_the_twin()
      throws Exception {
    Path scenario = dir.resolve("scenario.properties");
    ScenarioFile.write(scenario, ScenarioSpec.resolve("commute").toProperties(), "test");
    Path ledger = dir.resolve("car.ledger");
    String url = TestBrokers.embedded().url();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).build()) {
      ingest.start();
      List<String> first = life(new CarProcess.Args(VIN, 0, 77, url, dir.resolve("agent"), ledger,
          scenario, Duration.ofMinutes(1), 0));
      assertTrue(first.get(0).startsWith("spime-car ready"), first.get(0));
      long afterFirst = LedgerFile.read(ledger).accepted();
      int linesAfterFirst = Files.readAllLines(ledger).size();
      double odometer = number(LedgerFile.read(ledger), CarSignals.ODOMETER);
      assertTrue(afterFirst >= 8, "the boot report and its first ticks: " + afterFirst);

      life(new CarProcess.Args(VIN, 0, 77, url, dir.resolve("agent"), ledger, scenario,
          Duration.ofMinutes(1), 1));
      List<String> lines = Files.readAllLines(ledger);
      assertEquals("a\t" + CarSignals.ODOMETER + "\tn\t" + odometer, lines.get(linesAfterFirst + 1),
          "after the reboot the car reports the odometer it last recorded");
      Ledger.Snapshot both = LedgerFile.read(ledger);
      assertTrue(both.accepted() > afterFirst, "the second life appended");
      assertTrue(number(both, CarSignals.ODOMETER) >= odometer, "the odometer never runs back");
      await().atMost(Duration.ofSeconds(20))
          .until(() -> store.samplesApplied(VIN) == both.accepted());
    }
  }

  @Test
  void a_dtc_change_pending_at_a_kill_is_raised_again_after_the_restart_and_the_twin_holds_it_once()
      throws Exception {
    AssetId vin = VinFactory.vin(77, 1);
    Path scenario = dir.resolve("scenario.properties");
    ScenarioFile.write(scenario, ScenarioSpec.resolve("commute").toProperties(), "test");
    Path ledger = dir.resolve("car.ledger");
    Path agentDir = dir.resolve("agent");
    long at = System.currentTimeMillis() - 5_000;
    DtcHistory.Change pending = new DtcHistory.Change(
        DtcHistory.Change.eventId(0, TroubleCode.ISOLATION_FAULT, true), at,
        TroubleCode.ISOLATION_FAULT, true);
    // The first life wrote the change to its ledger, its agent kept the event, then the kill came.
    try (LedgerFile file = LedgerFile.open(ledger)) {
      file.dtcIntent(pending);
    }
    try (EdgeAgent killed = CarAgents.build(vin, "tcp://127.0.0.1:1", agentDir,
        ScenarioSpec.resolve("commute"), Optional.empty(), MqttSecurity.none())) {
      killed.start();
      killed.raise(new VehicleEvent(pending.eventId(), at, Priority.CRITICAL,
          DataCategory.VEHICLE_HEALTH, new EventDetail.Dtc("P0AA6", "BMS", true,
              TroubleCode.ISOLATION_FAULT.description()), Map.of()));
      assertEquals(1, killed.stats().eventsRaised());
    }
    String url = TestBrokers.embedded().url();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).build()) {
      new RegisteringOffice(store).start(List.of(vin), System.currentTimeMillis());
      ingest.start();
      life(new CarProcess.Args(vin, 1, 77, url, agentDir, ledger, scenario, Duration.ofMinutes(1),
          1));

      Ledger.Snapshot tally = LedgerFile.read(ledger);
      assertEquals(Optional.empty(), tally.dtcs().pending(), "the restarted car settled it");
      assertEquals(List.of(pending), tally.dtcs().kept());
      await().atMost(Duration.ofSeconds(20))
          .until(() -> store.samplesApplied(vin) == tally.accepted());
      await().atMost(Duration.ofSeconds(20))
          .until(() -> store.twin(vin).orElseThrow().openDtcs().containsKey("P0AA6"));
      assertEquals(1, store.carEvents(vin, Instant.EPOCH, 10).size(), "one event, sent twice");
      assertEquals(0, ingest.stats().twinEventsRefused(), "the second copy is a replay");
      assertEquals(new DtcCheck(1, 0, 1, List.of()), TwinComparison.dtcs(tally.dtcs(), store, vin));
    }
  }

  /**
   * Runs one life of the car: waits for its first samples and its link, lets it tick until it has
   * recorded beyond its boot report, stops, drains, closes.
   */
  private List<String> life(CarProcess.Args args) throws Exception {
    PipedOutputStream commands = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(commands);
    Lines out = new Lines();
    AtomicBoolean halted = new AtomicBoolean();
    CompletableFuture<CarProcess.Ending> ending = CompletableFuture.supplyAsync(() -> CarProcess.run(
        args, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), () -> halted.set(true)));
    await().atMost(Duration.ofSeconds(20)).until(() -> out.said("spime-car ready"));
    await().atMost(Duration.ofSeconds(20)).until(() -> out.said("connected=true"));
    // The first status line comes before the first tick (both on the car's one clock thread).
    long booted = out.accepted().get(0);
    await().atMost(Duration.ofSeconds(20))
        .until(() -> out.lastAccepted() > booted);
    send(commands, CarProcess.STOP);
    await().atMost(Duration.ofSeconds(30)).until(() -> out.said("drained=true"));
    send(commands, CarProcess.CLOSE);
    assertEquals(CarProcess.Ending.CLOSED, ending.get(), "close ends the car cleanly");
    assertFalse(halted.get(), "the car went on: " + out.lines);
    return out.lines;
  }

  private static void send(OutputStream commands, String command) throws IOException {
    commands.write((command + "\n").getBytes(StandardCharsets.UTF_8));
    commands.flush();
  }

  private static double number(Ledger.Snapshot ledger, String path) {
    return ((SignalValue.Number) ledger.lastValues().get(path)).value();
  }

  /** What the car printed, line by line. */
  private static final class Lines extends OutputStream {
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        lines.add(line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else {
        line.write(b);
      }
    }

    boolean said(String text) {
      return lines.stream().anyMatch(said -> said.contains(text));
    }

    /** The accepted count of the latest status line, read from one snapshot of the lines. */
    long lastAccepted() {
      List<Long> accepted = accepted();
      return accepted.get(accepted.size() - 1);
    }

    /** The accepted count of each status line so far. */
    List<Long> accepted() {
      return lines.stream()
          .filter(said -> said.startsWith(CarProcess.PREFIX + CarProcess.STATUS))
          .map(said -> Long.parseLong(CarProcess.fields(said).get("accepted")))
          .toList();
    }
  }
}
