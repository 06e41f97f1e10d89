package io.spime.sim.bench;

import io.spime.wire.AssetId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * Twin reads over HTTP at a fixed rate, open loop: request i is due at {@code start + i / rate}
 * whether or not the earlier ones have been answered, and its latency counts from when it was due
 * (so a stalled server is not hidden by requests that were never sent: no coordinated omission).
 * Each read is {@code GET /v1/twins/{vin}} of a random car of the fleet with a bearer token, on the
 * JDK's HTTP client (HTTP/1.1, kept-alive connections). At most {@link #MAX_IN_FLIGHT} requests are
 * out at once (the client opens a connection per request in flight, and a stalled server would
 * otherwise run the process out of file descriptors); a read that waits for a slot still counts from
 * when it was due, and the reads not sent by the end of the phase count as failed.
 */
final class OpenLoopReads {
  private static final long MAX_MICROS = TimeUnit.SECONDS.toMicros(60);
  static final int MAX_IN_FLIGHT = 64;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final URI api;
  private final String token;
  private final List<AssetId> vins;
  private final int perSecond;
  private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "bench-http");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient http;

  OpenLoopReads(URI api, String token, List<AssetId> vins, int perSecond) {
    this.api = api;
    this.token = token;
    this.vins = vins;
    this.perSecond = perSecond;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** What a phase of reads gave: latencies in microseconds from when each was due, and the counts. */
  record Result(org.HdrHistogram.Histogram micros, long sent, long ok, long failed, long late, double seconds) {
    double perSecond() {
      return ok / seconds;
    }
  }

  /** Reads for {@code duration}, then waits up to 10 s for the answers still out. */
  Result run(Duration duration) throws InterruptedException {
    Recorder recorder = new Recorder(MAX_MICROS, 3);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong late = new AtomicLong();
    AtomicLong outstanding = new AtomicLong();
    SplittableRandom random = new SplittableRandom(42);
    long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long start = System.nanoTime();
    long count = duration.toNanos() / intervalNanos;
    long end = start + duration.toNanos();
    long sent = 0;
    for (long i = 0; i < count && System.nanoTime() < end; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      } else if (wait < -TimeUnit.MILLISECONDS.toNanos(1)) {
        late.incrementAndGet();
      }
      AssetId vin = vins.get(random.nextInt(vins.size()));
      HttpRequest request = HttpRequest.newBuilder(api.resolve("/v1/twins/" + vin.value()))
          .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
      if (!inFlight.tryAcquire(end - System.nanoTime(), TimeUnit.NANOSECONDS)) {
        break;
      }
      sent++;
      outstanding.incrementAndGet();
      http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
        long micros = (System.nanoTime() - due) / 1000;
        recorder.recordValue(Math.min(micros, MAX_MICROS));
        if (error == null && response.statusCode() == 200 && response.body().length > 0) {
          ok.incrementAndGet();
        } else {
          failed.incrementAndGet();
        }
        outstanding.decrementAndGet();
        inFlight.release();
      });
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (outstanding.get() > 0 && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    return new Result(recorder.getIntervalHistogram(), sent, ok.get(), failed.get() + outstanding.get() + count - sent,
        late.get(), seconds);
  }

  void close() {
    executor.shutdownNow();
  }
}
