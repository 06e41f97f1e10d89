package io.spime.agent.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.broker.EmbeddedBroker;
import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.mqtt.TransportListener;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.session.Ack;
import io.spime.wire.session.SessionCodec;
import io.spime.wire.signing.KeyFiles;
import io.spime.wire.telemetry.TelemetryBatch;
import io.spime.wire.telemetry.TelemetryCodec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AgentRunnerTest {
  private static final String VIN = "1M8GDM9AXKP042788";
  private static EmbeddedBroker broker;
  private static MqttTransport cloud;
  private static final List<TelemetryBatch> received = new CopyOnWriteArrayList<>();

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** A minimal acking cloud: applies every telemetry batch in order and acks its seq. */
  @BeforeAll
  static void startBrokerAndCloud() {
    broker = EmbeddedBroker.start();
    TelemetryCodec codec = new TelemetryCodec(SignalCatalog.builtIn());
    MqttTransport[] self = new MqttTransport[1];
    self[0] = MqttTransports.paho(MqttSettings.builder(broker.url(), "runner-test-cloud").cleanStart(true).build(),
        new TransportListener() {
          @Override
          public void messageArrived(String topic, byte[] payload) {
            TelemetryBatch batch = codec.decode(payload);
            received.add(batch);
            self[0].publish(Topics.of(batch.vin(), TopicKind.ACK), SessionCodec.encode(new Ack(batch.vin(),
                batch.position().streamId(), batch.position().seq(), System.currentTimeMillis())), 1, false);
          }
        });
    cloud = self[0];
    cloud.connect();
    cloud.subscribe(Topics.allVehicles(TopicKind.TELEMETRY), 1);
  }

  @AfterAll
  static void stop() {
    cloud.close();
    broker.close();
  }

  private int run(String... args) {
    CommandLine line = new CommandLine(new AgentRunner());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  @Test
  void a_csv_file_is_sent_acknowledged_and_summarised_with_exit_code_0() throws Exception {
    Path csv = dir.resolve("samples.csv");
    Files.writeString(csv, "# a comment\n1700000000000,Vehicle.TraveledDistance,1000\n"
        + "1700000000100,Vehicle.IsMoving,true\n\n1700000000200,Vehicle.TraveledDistance,1001\n");
    Path config = dir.resolve("agent.properties");
    Files.writeString(config, "batch.window.ms=50\nconsent=all\nreconnect.initial.ms=50\n");
    int code = run("--vin", VIN, "--broker", broker.url(), "--data-dir", dir.resolve("data").toString(),
        "--source", "csv:" + csv, "--config", config.toString());
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("lines recorded: 3, lines rejected: 0"), out.toString());
    assertTrue(out.toString().contains("backlog: 0 batches"), out.toString());
    assertEquals(3, received.stream().filter(b -> b.vin().equals(AssetId.parse(VIN)))
        .mapToInt(b -> b.samples().size()).sum());
  }

  @Test
  void bad_lines_are_listed_with_their_numbers_and_give_exit_code_3() throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "1700000000000,Vehicle.TraveledDistance,5\nnot-a-time,Vehicle.Speed,1\n"
        + "1700000000000,Vehicle.Nope,1\n1700000000000,Vehicle.Speed,NaN\n1700000000000,Vehicle.Speed\n");
    int code = run("--vin", "2HGFG12698H543210", "--broker", broker.url(), "--data-dir",
        dir.resolve("data").toString(), "--source", "csv:" + csv);
    assertEquals(3, code, err.toString());
    String errors = err.toString();
    assertTrue(errors.contains("line 2: 'not-a-time' is not epoch milliseconds"), errors);
    assertTrue(errors.contains("line 3: signal 'Vehicle.Nope'"), errors);
    assertTrue(errors.contains("line 4: Vehicle.Speed: value must be a finite number"), errors);
    assertTrue(errors.contains("line 5: expected epoch_millis,VSS.path,value"), errors);
  }

  @Test
  void bad_flags_and_config_keys_give_exit_code_2_with_a_message_naming_them() throws Exception {
    assertEquals(2, run("--vin", "NOTAVIN", "--broker", broker.url(), "--data-dir", dir.toString(), "--source", "stdin"));
    assertTrue(err.toString().contains("NOTAVIN"), err.toString());
    assertEquals(2, run("--vin", VIN, "--broker", "http://x", "--data-dir", dir.toString(), "--source", "stdin"));
    assertTrue(err.toString().contains("http://x"), err.toString());
    assertEquals(2, run("--vin", VIN, "--broker", broker.url(), "--data-dir", dir.toString(), "--source", "kafka:x"));
    assertTrue(err.toString().contains("csv:FILE or stdin"), err.toString());
    assertEquals(2, run("--vin", VIN, "--broker", broker.url(), "--data-dir", dir.toString(), "--source", "stdin",
        "--ack", "maybe"));
    Path config = dir.resolve("typo.properties");
    Files.writeString(config, "batch.windw.ms=5\n");
    assertEquals(2, run("--vin", VIN, "--broker", broker.url(), "--data-dir", dir.toString(), "--source", "stdin",
        "--config", config.toString()));
    assertTrue(err.toString().contains("unknown key 'batch.windw.ms'"), err.toString());
    assertEquals(2, run("--vin", VIN));
  }

  @Test
  void downlink_keys_from_the_config_are_pinned_and_a_bad_key_file_gives_exit_code_2() throws Exception {
    Path csv = dir.resolve("one.csv");
    Files.writeString(csv, "1700000000000,Vehicle.TraveledDistance,7\n");
    Path pub = dir.resolve("cloud.pub");
    KeyFiles.write(KeyFiles.generate(), dir.resolve("cloud.key"), pub);
    Path good = dir.resolve("good.properties");
    Files.writeString(good, "batch.window.ms=50\ndownlink.key.cloud-1=" + pub + "\n");
    assertEquals(0, run("--vin", "3VWFE21C04M000001", "--broker", broker.url(), "--data-dir",
        dir.resolve("data").toString(), "--source", "csv:" + csv, "--config", good.toString()), err.toString());

    Path missing = dir.resolve("missing.pub");
    Path bad = dir.resolve("bad.properties");
    Files.writeString(bad, "downlink.key.cloud-1=" + missing + "\n");
    assertEquals(2, run("--vin", VIN, "--broker", broker.url(), "--data-dir", dir.resolve("other").toString(),
        "--source", "stdin", "--config", bad.toString()));
    assertTrue(err.toString().contains("downlink.key.cloud-1") && err.toString().contains(missing.toString()),
        err.toString());
    Path badId = dir.resolve("bad-id.properties");
    Files.writeString(badId, "downlink.key.bad/id=" + pub + "\n");
    assertEquals(2, run("--vin", VIN, "--broker", broker.url(), "--data-dir", dir.resolve("other").toString(),
        "--source", "stdin", "--config", badId.toString()));
    assertTrue(err.toString().contains("key id must be"), err.toString());
  }
}
