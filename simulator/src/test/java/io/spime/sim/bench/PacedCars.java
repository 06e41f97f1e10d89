package io.spime.sim.bench;

import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.wire.AssetId;
import io.spime.wire.Sequencing;
import io.spime.wire.StreamPosition;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The telemetry of a fleet as its cars' agents would send it, without the agents: each car's batch of the
 * last window (its signals at the rate, samples timed as recorded) encoded with the wire codec and
 * published at QoS 1 once a window, over a few MQTT connections. It stands for cars that in a deployment
 * run on their own telematics units, so the machine under test carries the broker, the ingest and the API
 * only. A publish counts once the broker acknowledged it; the ingest's acks are not awaited.
 */
final class PacedCars implements AutoCloseable {
  private static final int CONNECTIONS = 4;

  private final List<AssetId> vins;
  private final List<BenchSignals> signals = new ArrayList<>();
  private final long[] streamIds;
  private final long[] seqs;
  private final int rateHz;
  private final TelemetryCodec codec = new TelemetryCodec(BenchSignals.catalog());
  private final List<MqttTransport> connections = new ArrayList<>();
  private final AtomicLong samplesPublished = new AtomicLong();

  private PacedCars(List<AssetId> vins, int signalCount, int rateHz, long seed) {
    this.vins = List.copyOf(vins);
    this.rateHz = rateHz;
    this.streamIds = new long[vins.size()];
    this.seqs = new long[vins.size()];
    SplittableRandom streams = new SplittableRandom(seed);
    for (int car = 0; car < vins.size(); car++) {
      signals.add(new BenchSignals(signalCount, seed, car));
      streamIds[car] = streams.nextLong(1, Long.MAX_VALUE);
    }
  }

  /** Connects {@value #CONNECTIONS} publishers to the broker. */
  static PacedCars connect(String brokerUrl, List<AssetId> vins, int signals, int rateHz, long seed) {
    PacedCars cars = new PacedCars(vins, signals, rateHz, seed);
    for (int i = 0; i < CONNECTIONS; i++) {
      MqttSettings settings = MqttSettings.builder(brokerUrl, "spime-paced-cars-" + i).cleanStart(true)
          .sessionExpiry(Duration.ZERO).maxInFlight(256).build();
      MqttTransport t = MqttTransports.paho(settings, (topic, payload) -> { });
      t.connect();
      cars.connections.add(t);
    }
    return cars;
  }

  /**
   * Publishes one window's batch for every car whose index is {@code first} modulo {@code step}: its
   * samples from {@code windowMillis} before {@code nowMillis} until then; one connection per call.
   */
  void publishWindow(long nowMillis, long windowMillis, int first, int step) {
    MqttTransport connection = connections.get(first % connections.size());
    long period = 1000L / rateHz;
    int ticks = (int) Math.max(1, windowMillis / period);
    for (int car = first; car < vins.size(); car += step) {
      BenchSignals s = signals.get(car);
      List<Sample> samples = new ArrayList<>(ticks * s.size());
      for (int tick = ticks - 1; tick >= 0; tick--) {
        long at = nowMillis - tick * period;
        for (int i = 0; i < s.size(); i++) {
          samples.add(new Sample(s.id(i), at, SignalValue.of(s.next(i))));
        }
      }
      long seq;
      synchronized (this) {
        seq = ++seqs[car];
      }
      byte[] body = codec.encodeBody(vins.get(car), samples);
      int n = samples.size();
      connection.publish(Topics.of(vins.get(car), TopicKind.TELEMETRY),
          Sequencing.withSequence(body, new StreamPosition(streamIds[car], seq, 1)), 1, false)
          .thenRun(() -> samplesPublished.addAndGet(n));
    }
  }

  /** Samples published and acknowledged by the broker so far. */
  long samplesPublished() {
    return samplesPublished.get();
  }

  /** Cars. */
  List<AssetId> vins() {
    return vins;
  }

  @Override
  public void close() {
    connections.forEach(MqttTransport::close);
  }
}
