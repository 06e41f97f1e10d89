package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.cloud.service.CloudConfig;
import io.spime.cloud.service.CloudService;
import io.spime.cloud.service.ServiceHooks;
import io.spime.cloud.service.SpimeCloud;
import io.spime.sim.internal.car.VinFactory;
import io.spime.sim.internal.ingest.LosingStore;
import io.spime.twin.PendingEvent;
import io.spime.twin.Source;
import io.spime.twin.SourceKind;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.event.VehicleProduced;
import io.spime.twin.identity.Powertrain;
import io.spime.twin.identity.ProductionRecord;
import io.spime.twin.identity.VehicleIdentity;
import io.spime.wire.AssetId;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code run --cloud}: a fleet against a real spime-cloud started in this JVM on its embedded defaults
 * (its embedded broker, SQLite store, development issuer), verified through the service's HTTP API;
 * a loss in the service's ingest fails the run, a wrong token stops it before it starts.
 */
class RunAgainstCloudTest {
  private static final int CARS = 3;
  private static final long SEED = 7;
  @TempDir Path dir;

  @Test
  void a_fleet_run_against_the_service_is_verified_through_its_api() throws IOException {
    try (CloudService cloud = start(ServiceHooks.NONE)) {
      CliRun run = run(cloud, token());

      assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
      assertTrue(run.out().contains("store spime-cloud " + cloud.apiUrl()), run.out());
      assertTrue(run.out().contains("result: OK"), run.out());
    }
    try (TwinStore store = TwinStores.sqlite(dir.resolve("cloud").resolve("twins.db"))) {
      for (int i = 0; i < CARS; i++) {
        AssetId vin = VinFactory.vin(SEED, i);
        assertTrue(store.samplesApplied(vin) > 0, "the service's store holds car " + i);
        assertEquals("SIM", store.twin(vin).orElseThrow().production().orElseThrow().plant(),
            "the run registered car " + i + " through the API with its production record");
      }
    }
  }

  @Test
  void a_car_the_service_knows_already_keeps_its_registration() throws IOException {
    AssetId known = VinFactory.vin(SEED, 0);
    OwnerOnlyFiles.createDirectories(dir.resolve("cloud"));
    try (TwinStore store = TwinStores.sqlite(dir.resolve("cloud").resolve("twins.db"))) {
      store.appendAtHead(known, List.of(PendingEvent.of(Instant.now().minus(Duration.ofDays(3)),
          Source.of(SourceKind.FACTORY, "plant-line-4"), new VehicleProduced(
              new VehicleIdentity(known, "Volta", "E1", 2026, Powertrain.BEV),
              ProductionRecord.builder("LINE4", Instant.now().minus(Duration.ofDays(3))).build()))));
    }
    try (CloudService cloud = start(ServiceHooks.NONE)) {
      CliRun run = run(cloud, token());
      assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
    }
    try (TwinStore store = TwinStores.sqlite(dir.resolve("cloud").resolve("twins.db"))) {
      assertEquals("LINE4", store.twin(known).orElseThrow().production().orElseThrow().plant());
      assertEquals("SIM", store.twin(VinFactory.vin(SEED, 1)).orElseThrow().production().orElseThrow().plant());
    }
  }

  @Test
  void a_token_that_may_not_register_cars_stops_the_run_before_it_starts() throws IOException {
    try (CloudService cloud = start(ServiceHooks.NONE)) {
      CliRun run = run(cloud, token("oem-customer-care"));

      assertEquals(ExitCodes.CLOUD_REFUSED, run.exitCode(), run.out() + run.err());
      assertTrue(run.err().contains("answered 403 to PUT /v1/twins/"), run.err());
      assertTrue(run.out().isEmpty(), "no fleet started: " + run.out());
    }
  }

  @Test
  void a_run_whose_service_loses_samples_fails() throws IOException {
    ServiceHooks losing = new ServiceHooks(store -> LosingStore.around(store, 3), ServiceHooks.NONE.onDurable());
    try (CloudService cloud = start(losing)) {
      CliRun run = run(cloud, token());

      assertEquals(ExitCodes.VIOLATION, run.exitCode(), run.out() + run.err());
      assertTrue(run.out().contains("result: FAILED"), run.out());
    }
  }

  @Test
  void a_wrong_token_stops_the_run_before_it_starts() throws IOException {
    try (CloudService cloud = start(ServiceHooks.NONE)) {
      CliRun run = run(cloud, "eyJhbGciOiJFUzI1NiJ9.e30.c2lnbmF0dXJl");

      assertEquals(ExitCodes.CLOUD_REFUSED, run.exitCode(), run.out() + run.err());
      assertTrue(run.err().contains("spime-sim: ERROR: run: the spime-cloud refused the token: "), run.err());
      assertTrue(run.err().contains("answered 401"), run.err());
      assertTrue(run.out().isEmpty(), "no fleet started: " + run.out());
    }
  }

  @Test
  void cloud_options_are_checked() {
    CliRun noBroker = CliRun.of("run", "--cloud", "http://127.0.0.1:1", "--cloud-token-file", dir.toString());
    assertEquals(ExitCodes.USAGE, noBroker.exitCode(), noBroker.err());
    CliRun noToken = CliRun.of("run", "--cloud", "ftp://127.0.0.1:1", "--broker", "tcp://127.0.0.1:1");
    assertEquals(ExitCodes.USAGE, noToken.exitCode(), noToken.err());
    assertTrue(noToken.err().contains("--cloud must be an http:// or https:// URL"), noToken.err());
  }

  /** The service on its embedded defaults; the run registers its cars through the API. */
  private CloudService start(ServiceHooks hooks) throws IOException {
    CloudConfig config = CloudConfig.load(Optional.empty(), Map.of(
        "SPIME_CLOUD_DATA_DIR", dir.resolve("cloud").toString(), "SPIME_CLOUD_HTTP_PORT", "0"));
    OwnerOnlyFiles.createDirectories(config.dataDir());
    return CloudService.start(config, hooks);
  }

  /** A technical staff token of the service's development issuer, as {@code spime-cloud token} prints it. */
  private String token() throws IOException {
    return token("oem-technical");
  }

  private String token(String role) throws IOException {
    Path config = dir.resolve("cloud.properties");
    OwnerOnlyFiles.writeString(config, "data.dir=" + dir.resolve("cloud") + "\n");
    StringWriter out = new StringWriter();
    CommandLine line = new CommandLine(new SpimeCloud()).setOut(new PrintWriter(out));
    int code = line.execute("token", "--party", "oem.eng-1", "--role", role, "--config", config.toString());
    assertEquals(0, code, out.toString());
    return out.toString().strip();
  }

  private CliRun run(CloudService cloud, String token) throws IOException {
    Path tokenFile = dir.resolve("token");
    OwnerOnlyFiles.writeString(tokenFile, token + "\n");
    return CliRun.of("run", "--vehicles", Integer.toString(CARS), "--duration", "8s", "--seed", Long.toString(SEED),
        "--broker", cloud.brokerUrl(), "--cloud", cloud.apiUrl().toString(),
        "--cloud-token-file", tokenFile.toString(), "--data-dir", dir.resolve("sim").toString());
  }
}
