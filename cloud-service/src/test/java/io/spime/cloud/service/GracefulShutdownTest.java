package io.spime.cloud.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.cloud.service.internal.auth.DevIssuer;
import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.custody.PartyId;
import io.spime.wire.StreamPosition;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.files.OwnerOnlyFiles;
import io.spime.wire.session.Ack;
import io.spime.wire.session.SessionCodec;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import io.spime.wire.telemetry.TelemetryCodec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java ... SpimeCloud} in a child JVM: it starts on the embedded defaults, answers, and on SIGTERM acks what it took and exits 0. */
class GracefulShutdownTest {
  private static final Pattern LISTENS = Pattern.compile("API on (http://\\S+) ");
  private static final Pattern BROKER = Pattern.compile("broker (tcp://\\S+)");
  @TempDir Path dir;

  @Test
  void sigterm_acks_what_arrived_closes_the_store_and_exits_0() throws Exception {
    Path data = dir.resolve("data");
    OwnerOnlyFiles.createDirectories(data);
    SeededFleet.write(data.resolve("twins.db").toString());
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SpimeCloud.class.getName());
    pb.environment().put("SPIME_CLOUD_DATA_DIR", data.toString());
    pb.environment().put("SPIME_CLOUD_HTTP_PORT", "0");
    pb.redirectErrorStream(true);
    Process child = pb.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    List<String> all = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l; (l = r.readLine()) != null; ) {
          lines.add(l);
          all.add(l);
        }
      } catch (java.io.IOException e) {
        // the child closed its output: nothing more to read
      }
    });
    reader.start();
    try {
      URI api = URI.create(await(lines, LISTENS, all));
      String broker = await(lines, BROKER, all);
      CloudConfig cfg = CloudConfig.load(Optional.empty(), Map.of("SPIME_CLOUD_DATA_DIR", data.toString()));
      String token = DevIssuer.openOrCreate(cfg).token(PartyId.of("oem.eng-1"), Role.OEM_TECHNICAL, Duration.ofMinutes(5));
      assertEquals(200, new Api(api).get("/v1/twins/" + SeededFleet.AT_PLANT.value(), token).status());

      List<Ack> acks = new CopyOnWriteArrayList<>();
      MqttTransport car = MqttTransports.paho(MqttSettings.builder(broker, "car-shutdown-test").build(),
          (topic, payload) -> acks.add(SessionCodec.decodeAck(payload)));
      car.connect();
      car.subscribe(Topics.of(SeededFleet.AT_PLANT, TopicKind.ACK), 1);
      SignalCatalog catalog = SignalCatalog.builtIn();
      List<Sample> samples = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        samples.add(new Sample(7, System.currentTimeMillis() - 1000 + i, SignalValue.of(95.0 - i * 0.01)));
      }
      car.publish(Topics.of(SeededFleet.AT_PLANT, TopicKind.TELEMETRY), new TelemetryCodec(catalog).encode(
          new TelemetryBatch(SeededFleet.AT_PLANT, new StreamPosition(5, 1, 1), catalog.version(), samples)), 1, false)
          .get(10, TimeUnit.SECONDS);
      // SIGTERM through the process handle: Process.destroy() would also close the pipes and lose the
      // child's last lines.
      assertTrue(child.toHandle().destroy(), "SIGTERM could not be sent");
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the service did not stop within 60 s: " + all);
      reader.join(10_000);
      assertEquals(0, child.exitValue(), String.join("\n", all));
      assertTrue(acks.stream().anyMatch(a -> a.streamId() == 5 && a.seq() == 1), "no ack for the batch: " + acks);
      assertTrue(all.stream().anyMatch(l -> l.contains("spime-cloud: stopped")), all.toString());
      assertTrue(all.stream().anyMatch(l -> l.contains("twin explorer " + api + "/explorer/")), all.toString());
      car.close();
      try (TwinStore store = TwinStores.sqlite(data.resolve("twins.db"))) {
        assertEquals(50, store.samplesApplied(SeededFleet.AT_PLANT));
      }
    } finally {
      child.destroyForcibly();
      reader.join(10_000);
    }
  }

  private static String await(BlockingQueue<String> lines, Pattern p, List<String> all) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      String l = lines.poll(1, TimeUnit.SECONDS);
      if (l != null) {
        Matcher m = p.matcher(l);
        if (m.find()) {
          return m.group(1);
        }
      }
    }
    throw new AssertionError("the service never printed " + p + ": " + all);
  }
}
