package io.spime.cloud.service;

import io.spime.cloud.service.internal.auth.DevIssuer;
import io.spime.cloud.sync.FirstConnectException;
import io.spime.twin.custody.PartyId;
import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.TwinStores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import sun.misc.Signal;

/** {@code java -jar spime-cloud.jar}: runs the service (the default) or prints a development token. */
@Command(name = "spime-cloud", mixinStandardHelpOptions = true,
    subcommands = {SpimeCloud.Token.class},
    description = {"Runs spime-cloud: the fleet's ingest, downlink and HTTP API in one process.",
        "Settings come from --config FILE (or SPIME_CLOUD_CONFIG) and SPIME_CLOUD_* variables."})
public final class SpimeCloud implements Callable<Integer> {
  /** Exit code of a setting that cannot be used. */
  public static final int EXIT_CONFIG = 2;
  /** Exit code of a broker or store that cannot be reached. */
  public static final int EXIT_UNAVAILABLE = 3;

  @Option(names = "--config", description = "Properties file of settings (environment variables win).")
  Path config;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SpimeCloud()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CloudConfig cfg;
    CloudService service;
    try {
      cfg = load(config);
      service = CloudService.start(cfg);
    } catch (InvalidConfigException e) {
      err.println("spime-cloud: " + e.getMessage());
      return EXIT_CONFIG;
    } catch (FirstConnectException | TwinStoreException e) {
      err.println("spime-cloud: " + e.getMessage());
      return EXIT_UNAVAILABLE;
    }
    CountDownLatch stop = new CountDownLatch(1);
    // SIGTERM and SIGINT end the wait below, so the service closes in order and the process exits 0.
    Signal.handle(new Signal("TERM"), s -> stop.countDown());
    Signal.handle(new Signal("INT"), s -> stop.countDown());
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "spime-cloud-shutdown"));
    out.printf("spime-cloud: API on %s (OpenAPI %s/v1/openapi.json)%n", service.apiUrl(), service.apiUrl());
    out.printf("spime-cloud: twin explorer %s/explorer/%n", service.apiUrl());
    out.printf("spime-cloud: broker %s%s%n", service.brokerUrl(), service.embeddedBroker() ? " (embedded)" : "");
    out.printf("spime-cloud: store %s, data folder %s%n", TwinStores.redact(cfg.storeLocation()), cfg.dataDir().toAbsolutePath());
    if (cfg.devIssuer()) {
      out.printf("spime-cloud: development tokens: java -jar spime-cloud.jar token --party P --role ROLE%s%n",
          config == null ? "" : " --config " + config);
    }
    out.flush();
    stop.await();
    service.close();
    out.println("spime-cloud: stopped");
    out.flush();
    return 0;
  }

  static CloudConfig load(Path file) {
    Optional<Path> f = Optional.ofNullable(file).or(() -> Optional.ofNullable(System.getenv("SPIME_CLOUD_CONFIG"))
        .filter(s -> !s.isBlank()).map(Path::of));
    return CloudConfig.load(f, System.getenv());
  }

  /** {@code spime-cloud token}: a token of the development issuer, for demos and tests. */
  @Command(name = "token", mixinStandardHelpOptions = true,
      description = "Prints a bearer token signed by the development issuer's key in the data folder.")
  static final class Token implements Callable<Integer> {
    @Option(names = "--party", required = true, description = "The token's subject: a party id.")
    String party;

    @Option(names = "--role", required = true,
        description = "oem-technical, oem-customer-care, partner or customer.")
    String role;

    @Option(names = "--ttl", defaultValue = "PT8H", description = "How long it is valid, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration ttl;

    @Option(names = "--config", description = "Properties file of settings (environment variables win).")
    Path config;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try {
        Role r = Role.ofClaim(role).orElseThrow(() -> new InvalidConfigException(
            "--role must be oem-technical, oem-customer-care, partner or customer, was '" + role + "'"));
        PartyId p = PartyId.of(party);
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(30)) > 0) {
          throw new InvalidConfigException("--ttl must be positive and at most 30 days, was " + ttl);
        }
        CloudConfig cfg = load(config);
        spec.commandLine().getOut().println(DevIssuer.openOrCreate(cfg).token(p, r, ttl));
        return 0;
      } catch (InvalidConfigException | IllegalArgumentException e) {
        spec.commandLine().getErr().println("spime-cloud token: " + e.getMessage());
        return EXIT_CONFIG;
      }
    }
  }
}
