package io.spime.sim.internal.fleet;

import io.spime.broker.BrokerAccess;
import io.spime.mqtt.MqttSettings;
import io.spime.sim.internal.access.SimIdentities;
import io.spime.sim.internal.build.RunInfo;
import io.spime.sim.internal.car.FleetCar;
import io.spime.sim.internal.cloud.ApiTwins;
import io.spime.sim.internal.car.FleetMix;
import io.spime.sim.internal.faults.AgentKill;
import io.spime.sim.internal.faults.BrokerHandle;
import io.spime.sim.internal.faults.FaultEvent;
import io.spime.sim.internal.faults.FaultInjector;
import io.spime.sim.internal.faults.FaultPlan;
import io.spime.sim.internal.faults.LinkProxy;
import io.spime.sim.internal.ingest.IngestPlan;
import io.spime.sim.internal.keys.RunKeys;
import io.spime.sim.internal.ledger.Ledger;
import io.spime.sim.internal.model.CarModel;
import io.spime.sim.internal.office.BackOffice;
import io.spime.sim.internal.office.LifetimeOffice;
import io.spime.sim.internal.office.RegisteringOffice;
import io.spime.sim.internal.office.RenewalOffice;
import io.spime.sim.internal.office.RentalDesk;
import io.spime.sim.internal.process.ChildCar;
import io.spime.sim.internal.report.HtmlReport;
import io.spime.sim.internal.report.OutOfProcessCars;
import io.spime.sim.internal.report.RunReport;
import io.spime.sim.internal.report.RunSeries;
import io.spime.sim.internal.scenario.RunConfig;
import io.spime.sim.internal.threads.SimThreads;
import io.spime.sim.internal.verify.CarResult;
import io.spime.sim.internal.verify.LatencyRecorder;
import io.spime.sim.internal.verify.LatencySummary;
import io.spime.sim.internal.verify.TwinComparison;
import io.spime.sim.internal.verify.TwinSource;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs a fleet: a broker (embedded, or external), the cloud ingest into a twin store, one
 * real agent per car — on shared threads, or for the cars the scenario kills, each in a child JVM —
 * each behind a link proxy when the scenario injects faults. Drives the cars, injects the faults,
 * stops, waits for every outbox to drain, then compares each car's ledger with its twin. With a
 * spime-cloud ({@code --cloud}) the run has no ingest or store of its own and reads the twins
 * through the service's API.
 */
public final class FleetRun {
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(120);
  /** Threads all in-process agents share: their connects block, so a few more than the cores. */
  private static final int AGENT_THREADS = 8;

  private final RunConfig config;
  private final IngestPlan ingestPlan;
  private final PrintWriter out;
  private final ConsoleMode console;
  private final RunInfo info;
  private final SignalCatalog catalog = SignalCatalog.builtIn();
  private Optional<Path> dataDir = Optional.empty();

  /** A run that prints a status line every 10 s on standard error. */
  public FleetRun(RunConfig config, PrintWriter out) {
    this(config, IngestPlan.IN_PROCESS, out, ConsoleMode.lines(), RunInfo.embedded());
  }

  /**
   * A run whose ingest follows {@code ingestPlan} ({@code --ingests N}, {@code --kill-ingest K}),
   * that shows its progress as {@code console} says and heads its report with {@code info}.
   */
  public FleetRun(RunConfig config, IngestPlan ingestPlan, PrintWriter out, ConsoleMode console,
      RunInfo info) {
    this.config = config;
    this.ingestPlan = ingestPlan;
    this.out = out;
    this.console = console;
    this.info = info;
  }

  /** The data folder the run used (or was creating), once it has started. */
  public synchronized Optional<Path> dataDir() {
    return dataDir;
  }

  /** Runs the fleet and returns what it found. */
  public RunReport run() {
    Path dataDir = createDataDir();
    String storeLocation = config.store().orElse(dataDir.resolve("twins.db").toString());
    FaultPlan plan =
        FaultPlan.draw(config.scenario(), config.vehicles(), config.duration(), config.seed());
    PrintWriter out = console.quiet() ? new PrintWriter(java.io.Writer.nullWriter()) : this.out;
    out.println(info.header());
    Optional<ApiTwins> api = ingestPlan.cloud().map(ApiTwins::new);
    out.printf("spime-sim: scenario %s, %d cars for %d s (seed %d)%s%n  data %s%n  store %s%n",
        config.scenario().name(), config.vehicles(), config.duration().toSeconds(), config.seed(),
        plan.outOfProcessCars() == 0 ? ""
            : ", " + plan.outOfProcessCars() + " of them in a process of their own",
        dataDir, api.isPresent() ? "spime-cloud " + ingestPlan.cloud().get().url() + " (its ingest, read through its API)"
            : TwinStores.redact(storeLocation));
    String mix = FleetMix.describe(config.scenario(), config.vehicles());
    if (!mix.isEmpty()) {
      out.printf("  fleet %s%n", mix);
    }
    out.flush();
    ScheduledExecutorService pool =
        Executors.newScheduledThreadPool(AGENT_THREADS, SimThreads.daemon("spime-sim-agents"));
    ScheduledExecutorService clock =
        Executors.newSingleThreadScheduledExecutor(SimThreads.daemon("spime-sim-cars"));
    LatencyRecorder latency = new LatencyRecorder(System.currentTimeMillis(), config.duration());
    List<io.spime.wire.AssetId> vins = new ArrayList<>();
    for (int i = 0; i < config.vehicles(); i++) {
      vins.add(FleetMix.idAt(config.scenario(), config.seed(), i));
    }
    Optional<SimIdentities> identities = config.brokerAuth() && config.brokerUrl().isEmpty()
        ? Optional.of(SimIdentities.provision(vins)) : Optional.empty();
    out.printf("  broker %s%n", config.brokerUrl().isPresent() ? "external"
        : identities.isPresent() ? "embedded, each car logs in as itself and speaks only for itself"
        : "embedded, OPEN: any client may publish for any car (--no-broker-auth)");
    out.flush();
    RunKeys keys = config.keys().orElseGet(() -> RunKeys.generate(dataDir.resolve("keys")));
    try (BrokerHandle broker = BrokerHandle.open(config.brokerUrl(),
            identities.map(SimIdentities::access).orElse(BrokerAccess.open()));
        TwinStore store = api.isPresent() ? null : TwinStores.open(storeLocation);
        RunIngest ingest = store == null ? RunIngest.none() : RunIngest.open(ingestPlan, broker.url(), store,
            storeLocation, latency, identities.map(SimIdentities::cloud).orElse(config.security()), keys, dataDir);
        LinkProxy proxy = proxyFor(broker.url())) {
      ingest.start(ingestPlan, config.duration());
      BackOffice office = store == null ? BackOffice.none() : office(ingest, store);
      TwinSource twins = store == null ? api.orElseThrow() : TwinSource.of(store);
      office.start(vins, System.currentTimeMillis());
      long heapBefore = HeapGauge.usedAfterGc();
      try (Fleet fleet = Fleet.start(config, broker.url(), proxy, dataDir, pool,
          plan.outOfProcessCars(), identities, keys.pin())) {
        RunSeries series = new RunSeries();
        latency.startAt(System.currentTimeMillis());
        List<AgentKill> kills;
        List<FaultEvent> faultEvents;
        int restarts;
        try (FaultInjector faults =
            new FaultInjector(plan, fleet.all(), fleet.children(), proxy, broker)) {
          DriveLoop.drive(config.duration(), console, fleet, clock, series,
              () -> ingest.stats().appliedSamples(), faults, Optional.of(office));
          office.finish(System.currentTimeMillis());
          kills = faults.kills();
          faultEvents = faults.events();
          restarts = faults.restarts();
        }
        long heapPerCar = fleet.inProcess().isEmpty() ? 0
            : Math.max(0, HeapGauge.usedAfterGc() - heapBefore) / fleet.inProcess().size();
        long drainStart = System.nanoTime();
        boolean drained = Drain.await(fleet.all(), DRAIN_LIMIT);
        Duration drainTime = Duration.ofNanos(System.nanoTime() - drainStart);
        series.sample(fleet.all(), ingest.stats().appliedSamples(), 0, kills.size());
        List<CarResult> results = results(fleet, twins);
        fleet.closeAll();
        ingest.finish(out, config.reportFile().map(file -> HtmlReport.beside(file, RunIngest.CSV_SUFFIX)));
        List<String> violations = new ArrayList<>(office.violations());
        violations.addAll(ingest.failures());
        RunReport report = new RunReport(config, results, ingest.stats(), drainTime, drained,
            LatencySummary.of(latency), plan.linkCuts(), plan.brokerRestarts(),
            outOfProcess(fleet, kills, restarts), heapPerCar, series.rows(), office.summary(),
            violations, info, faultEvents,
            LatencyPhases.of(latency, faultEvents, driveEndSeconds(series)), office.renewals());
        config.reportFile().ifPresent(file -> writeReport(file, report, series));
        return report;
      }
    } finally {
      clock.shutdownNow();
      pool.shutdownNow();
    }
  }

  private List<CarResult> results(Fleet fleet, TwinSource twins) {
    List<CarResult> results = new ArrayList<>();
    for (FleetCar car : fleet.all()) {
      Ledger.Snapshot tally = car.tally();
      results.add(new CarResult(
          car.vin(),
          tally.accepted(),
          tally.refused(),
          twins.samplesApplied(car.vin()),
          TwinComparison.diverged(catalog, tally.lastValues(), twins.latestSignals(car.vin())),
          car.kills(),
          car.failures(),
          TwinComparison.dtcs(tally.dtcs(), twins.dtcs(car.vin()))));
    }
    return results;
  }

  private static OutOfProcessCars outOfProcess(Fleet fleet, List<AgentKill> kills, int restarts) {
    if (fleet.children().isEmpty()) {
      return OutOfProcessCars.NONE;
    }
    List<Long> startups = new ArrayList<>();
    long rss = -1;
    for (ChildCar child : fleet.children()) {
      startups.addAll(child.startupMillis());
      rss = Math.max(rss, child.maxRssKb());
    }
    return new OutOfProcessCars(fleet.children().size(), kills, restarts, startups, rss);
  }

  private LinkProxy proxyFor(String brokerUrl) {
    URI uri = MqttSettings.parseUrl(brokerUrl);
    return new LinkProxy(uri.getHost(), uri.getPort());
  }

  private BackOffice office(RunIngest ingest, TwinStore store) {
    switch (config.scenario().office()) {
      case RENTAL_FLEET:
        return new RentalDesk(ingest.downlinkIngest(), store, config.seed(), config.scenario().trip());
      case LIFETIME:
        return new LifetimeOffice(store, config.seed(), CarModel.LIFETIME_YEARS,
            System.currentTimeMillis(), config.duration());
      case RENEWAL:
        return new RenewalOffice(store, config.seed(), System.currentTimeMillis(), config.duration());
      default:
        return new RegisteringOffice(store);
    }
  }

  private void writeReport(Path file, RunReport report, RunSeries series) {
    Path csv = HtmlReport.beside(file, ".csv");
    try {
      OwnerOnlyFiles.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the report's folder for " + file, e);
    }
    series.writeCsv(csv);
    HtmlReport.write(file, report);
    if (console.quiet()) {
      return;
    }
    out.printf("report: %s (series: %s, latency: %s)%n", file, csv, HtmlReport.latencyCsv(file));
  }

  /** When the cars stopped: the last row of the drive (the drain's row is not yet taken). */
  private static double driveEndSeconds(RunSeries series) {
    List<RunSeries.Row> rows = series.rows();
    return rows.size() < 2 ? Double.MAX_VALUE : rows.get(rows.size() - 2).seconds();
  }

  private synchronized Path createDataDir() {
    try {
      if (config.dataDir().isPresent()) {
        dataDir = config.dataDir();
        return OwnerOnlyFiles.createDirectories(config.dataDir().get());
      }
      dataDir = Optional.of(Files.createTempDirectory("spime-sim-"));
      return dataDir.get();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data folder", e);
    }
  }
}
