package io.spime.agent.runner;

import io.spime.agent.AckMode;
import io.spime.agent.AgentException;
import io.spime.agent.AgentStats;
import io.spime.agent.EdgeAgent;
import io.spime.agent.EdgeAgentBuilder;
import io.spime.mqtt.InvalidSecurityException;
import io.spime.wire.AssetId;
import io.spime.wire.WireException;
import io.spime.wire.catalog.SignalCatalog;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The standalone agent: {@code java -jar spime-agent.jar --vin VIN --broker URL --data-dir DIR
 * --source csv:FILE|stdin [--ack cloud|broker] [--config FILE]}. Reads every line of the source,
 * waits until the outbox is drained (or {@code --drain-timeout}), prints a summary and exits.
 */
@Command(name = "spime-agent", mixinStandardHelpOptions = true, version = "spime-agent 0.1",
    description = "Runs the spime edge agent on CSV samples (epoch_millis,VSS.path,value).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every line recorded and acknowledged",
        "1:the agent failed (see the message)",
        "2:bad command line or config file",
        "3:some lines were rejected (listed on stderr)",
        "4:the outbox was not drained within --drain-timeout (kept for the next run)",
        "5:TLS or credentials misconfigured (CA, client certificate or key, password file or variable)",
        "6:an agent thread failed with an unexpected error (logged; accepted data stays on disk)"})
public final class AgentRunner implements Callable<Integer> {
  /** Exit code of a TLS or credentials misconfiguration. */
  static final int EXIT_SECURITY = 5;
  /** The exit code when an agent thread failed with an unexpected error. */
  static final int FATAL_ERROR = 6;
  private static final Logger LOG = LoggerFactory.getLogger(AgentRunner.class);

  @Option(names = "--vin", required = true, description = "ISO 3779 VIN of the car")
  String vin;

  @Option(names = "--broker", required = true, description = "tcp://host:port or ssl://host:port")
  String broker;

  @Option(names = "--data-dir", required = true, description = "where the outbox and journal live")
  Path dataDir;

  @Option(names = "--source", required = true, description = "csv:FILE or stdin")
  String source;

  @Option(names = "--ack", defaultValue = "cloud", description = "cloud (default) or broker")
  String ack;

  @Option(names = "--config", description = "properties file (see docs/edge-agent.md)")
  @Nullable Path config;

  @Option(names = "--drain-timeout", defaultValue = "PT30S",
      description = "how long to wait for acknowledgements after the source ends (ISO-8601, default PT30S)")
  Duration drainTimeout;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private static int securityMisconfigured(PrintWriter err, InvalidSecurityException e) {
    LOG.error("TLS or credentials misconfigured: {}", e.getMessage());
    err.println("spime-agent: TLS or credentials misconfigured: " + e.getMessage());
    return EXIT_SECURITY;
  }

  /** Runs the agent and exits with its code. */
  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "io/spime/agent/runner/logback-runner.xml");
    }
    System.exit(new CommandLine(new AgentRunner()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AssetId parsedVin;
    AckMode mode;
    RunnerConfig settings;
    Reader input;
    String sourceName;
    try {
      parsedVin = AssetId.parse(vin);
      mode = switch (ack.toLowerCase(java.util.Locale.ROOT)) {
        case "cloud" -> AckMode.CLOUD;
        case "broker" -> AckMode.BROKER;
        default -> throw new IllegalArgumentException("--ack must be cloud or broker, was '" + ack + "'");
      };
      settings = config == null ? RunnerConfig.empty() : RunnerConfig.read(config);
      if (source.equals("stdin")) {
        input = new InputStreamReader(System.in, StandardCharsets.UTF_8);
        sourceName = "stdin";
      } else if (source.startsWith("csv:")) {
        Path file = Path.of(source.substring(4));
        if (!Files.isReadable(file)) {
          throw new IllegalArgumentException("--source " + source + ": cannot read " + file);
        }
        input = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        sourceName = file.toString();
      } else {
        throw new IllegalArgumentException("--source must be csv:FILE or stdin, was '" + source + "'");
      }
    } catch (InvalidSecurityException e) {
      return securityMisconfigured(err, e);
    } catch (IllegalArgumentException | WireException e) {
      err.println("spime-agent: " + e.getMessage());
      return 2;
    }
    CsvSignalSource csv = new CsvSignalSource(input, SignalCatalog.builtIn(), sourceName);
    EdgeAgentBuilder builder;
    try {
      Thread runner = Thread.currentThread();
      builder = EdgeAgent.builder(parsedVin, broker, dataDir).ackMode(mode).source(csv)
          .onFatalError(cause -> LockSupport.unpark(runner)); // the loops below see it and exit 5
      settings.applyTo(builder);
    } catch (InvalidSecurityException e) {
      return securityMisconfigured(err, e);
    } catch (IllegalArgumentException | AgentException e) {
      err.println("spime-agent: " + e.getMessage());
      return 2;
    }
    try (EdgeAgent agent = builder.build()) {
      agent.start();
      while (!csv.isFinished() && agent.isHealthy()) {
        LockSupport.parkNanos(20_000_000);
      }
      if (agent.isHealthy()) {
        agent.flush();
      }
      long deadline = System.nanoTime() + drainTimeout.toNanos();
      while (agent.stats().backlogBatches() > 0 && System.nanoTime() < deadline && agent.isHealthy()) {
        LockSupport.parkNanos(50_000_000);
      }
      if (!agent.isHealthy()) {
        err.println("spime-agent: the agent failed: " + agent.failure().orElseThrow()
            + "; what it accepted stays in " + dataDir + " for the next run");
        return FATAL_ERROR;
      }
      AgentStats stats = agent.stats();
      csv.errors().forEach(error -> err.println("spime-agent: " + sourceName + " " + error));
      out.printf("lines recorded: %d, lines rejected: %d%n", csv.recorded(), csv.rejected());
      out.printf("samples accepted: %d, refused: %d %s%n", stats.acceptedSamples(), stats.refusedSamples(),
          stats.refusals().entrySet().stream().filter(e -> e.getValue() > 0).toList());
      out.printf("messages sent: %d, acked seq: %d, backlog: %d batches (%d bytes)%n",
          stats.messagesSent(), stats.ackedSeq(), stats.backlogBatches(), stats.backlogBytes());
      if (stats.downlinkRejected() > 0) {
        out.printf("downlink messages refused: %d %s%n", stats.downlinkRejected(),
            stats.downlinkRefusals().entrySet().stream().filter(e -> e.getValue() > 0).toList());
      }
      out.flush();
      if (stats.backlogBatches() > 0) {
        err.println("spime-agent: " + stats.backlogBatches() + " batches not acknowledged within "
            + drainTimeout + "; they stay in " + dataDir + " for the next run");
        return 4;
      }
      return csv.rejected() > 0 ? 3 : 0;
    } catch (AgentException e) {
      err.println("spime-agent: " + e.getMessage());
      return 1;
    }
  }
}
