package io.spime.agent.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.broker.BrokerTls;
import io.spime.broker.EmbeddedBroker;
import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.testkit.TestCertificate;
import io.spime.testkit.TestPki;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.session.Ack;
import io.spime.wire.session.SessionCodec;
import io.spime.wire.telemetry.TelemetryBatch;
import io.spime.wire.telemetry.TelemetryCodec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The runner's TLS and credentials keys: a mutual-TLS run, and exit code 5 for each misconfiguration. */
class AgentRunnerTlsTest {
  private static final String VIN = "1M8GDM9AXKP042788";
  @TempDir static Path pkiDir;
  private static TestPki pki;
  private static EmbeddedBroker broker;
  private static MqttTransport cloud;

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** A broker with a mutual-TLS listener, and an acking cloud on its plain listener. */
  @BeforeAll
  static void startBrokerAndCloud() {
    pki = TestPki.create(pkiDir);
    TestCertificate server = pki.server();
    broker = EmbeddedBroker.start(BrokerTls.mutual(server.certificatePem(), server.privateKeyPem(), pki.caPem()));
    TelemetryCodec codec = new TelemetryCodec(SignalCatalog.builtIn());
    MqttTransport[] self = new MqttTransport[1];
    self[0] = MqttTransports.paho(MqttSettings.builder(broker.url(), "runner-tls-cloud").cleanStart(true).build(),
        (topic, payload) -> {
          TelemetryBatch batch = codec.decode(payload);
          self[0].publish(Topics.of(batch.vin(), TopicKind.ACK), SessionCodec.encode(new Ack(batch.vin(),
              batch.position().streamId(), batch.position().seq(), System.currentTimeMillis())), 1, false);
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

  private int run(String broker, String config) throws Exception {
    Path file = Files.writeString(dir.resolve("agent-" + System.nanoTime() + ".properties"), config);
    Path csv = Files.writeString(dir.resolve("samples.csv"), "1700000000000,Vehicle.TraveledDistance,1000\n");
    CommandLine line = new CommandLine(new AgentRunner());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute("--vin", VIN, "--broker", broker, "--data-dir", dir.resolve("data").toString(),
        "--source", "csv:" + csv, "--config", file.toString(), "--drain-timeout", "PT30S");
  }

  @Test
  void a_run_over_mutual_tls_with_a_password_file_is_acknowledged() throws Exception {
    TestCertificate car = pki.client(VIN);
    Path password = Files.writeString(dir.resolve("password"), "secret\n");
    int code = run(broker.tlsUrl().orElseThrow(), "batch.window.ms=50\nconsent=all\n"
        + "tls.ca=" + pki.caPem() + "\ntls.cert=" + car.certificatePem() + "\ntls.key=" + car.privateKeyPem()
        + "\nusername=" + VIN + "\npassword.file=" + password + "\n");
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("backlog: 0 batches"), out.toString());
  }

  @Test
  void security_misconfigurations_exit_with_code_5_naming_what_is_wrong() throws Exception {
    TestCertificate car = pki.client(VIN);
    String tls = broker.tlsUrl().orElseThrow();
    assertEquals(5, run(tls, "tls.ca=" + dir.resolve("absent-ca.pem") + "\n"));
    assertTrue(err.toString().contains("absent-ca.pem"), err.toString());
    assertEquals(5, run(tls, "tls.ca=" + pki.caPem() + "\ntls.cert=" + car.certificatePem() + "\n"));
    assertTrue(err.toString().contains("tls.key"), err.toString());
    assertEquals(5, run(broker.url(), "tls.ca=" + pki.caPem() + "\n"));
    assertTrue(err.toString().contains("ssl://"), err.toString());
    assertEquals(5, run(tls, "username=car\npassword=in-the-config\n"));
    assertTrue(err.toString().contains("password.file"), err.toString());
    assertEquals(5, run(tls, "username=car\npassword.env=SPIME_TEST_UNSET_PASSWORD_VARIABLE\n"));
    assertTrue(err.toString().contains("SPIME_TEST_UNSET_PASSWORD_VARIABLE"), err.toString());
  }
}
