package io.spime.sim.internal.ingest;

import io.spime.cloud.sync.FleetIngest;
import io.spime.mqtt.MqttSecurity;
import io.spime.sim.internal.threads.SimThreads;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.signing.DownlinkSigner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ingest process of a run, in its child JVM: a {@link FleetIngest} of the run's share group,
 * named as its member, into the run's twin store. Says {@code ready} once subscribed, then its
 * counters every 200 ms ({@link IngestLine}); on {@code close} it applies what has arrived, acks,
 * disconnects and says its last counters. When standard input ends without {@code close}, the run
 * is gone and it exits. {@link ChildIngest} is the other end.
 */
public final class IngestProcess {
  private static final Logger LOG = LoggerFactory.getLogger(IngestProcess.class);
  static final long STATUS_MILLIS = 200;

  /** What the child is told. */
  public record Args(String brokerUrl, String store, String shareGroup, String member,
      MqttSecurity security, Optional<DownlinkSigner> signer, int loseEvery) {}

  private IngestProcess() {}

  /** Runs the ingest until {@code close} (true) or the end of {@code in} (false). */
  public static boolean run(Args args, BufferedReader in, PrintStream out) {
    ScheduledExecutorService clock =
        Executors.newSingleThreadScheduledExecutor(SimThreads.daemon("spime-ingest-status"));
    try (TwinStore store = TwinStores.open(args.store())) {
      FleetIngest.Builder builder = FleetIngest.builder(args.brokerUrl(), LosingStore.around(store, args.loseEvery()))
          .shareGroup(args.shareGroup()).member(args.member()).security(args.security());
      args.signer().ifPresent(builder::signingKey);
      try (FleetIngest ingest = builder.build()) {
        ingest.start();
        say(out, IngestLine.READY);
        clock.scheduleAtFixedRate(() -> say(out, IngestLine.status(ingest.stats()).substring(
            IngestLine.PREFIX.length())), 0, STATUS_MILLIS, TimeUnit.MILLISECONDS);
        boolean closed = awaitClose(in, args.member());
        clock.shutdownNow();
        clock.awaitTermination(1, TimeUnit.SECONDS);
        if (!closed) {
          return false;
        }
        ingest.close();
        say(out, IngestLine.status(ingest.stats()).substring(IngestLine.PREFIX.length()));
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      clock.shutdownNow();
    }
  }

  private static boolean awaitClose(BufferedReader in, String member) {
    try {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals(IngestLine.CLOSE)) {
          return true;
        }
        LOG.warn("ingest {}: unknown command '{}'", member, line);
      }
    } catch (IOException e) {
      LOG.warn("ingest {}: cannot read commands: {}", member, e.toString());
    }
    LOG.warn("ingest {}: the run is gone (standard input ended); exiting", member);
    return false;
  }

  private static synchronized void say(PrintStream out, String line) {
    out.println(IngestLine.PREFIX + line);
    out.flush();
  }
}
