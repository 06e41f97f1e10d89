package io.spime.cloud.service.internal;

import io.spime.cloud.service.CloudConfig;
import io.spime.cloud.service.InvalidConfigException;
import io.spime.cloud.service.internal.metrics.ServiceMetrics;
import io.spime.cloud.sync.DurabilityListener;
import io.spime.cloud.sync.FleetIngest;
import io.spime.mqtt.MqttSecrets;
import io.spime.mqtt.MqttSecurity;
import io.spime.twin.TwinStore;
import io.spime.wire.signing.KeyFileException;
import io.spime.wire.signing.KeyFiles;
import io.spime.wire.signing.KeyId;
import io.spime.wire.telemetry.TelemetryBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the service's ingest from its config: broker security, share group, signing key, metrics hooks. */
public final class Ingests {
  private static final Logger LOG = LoggerFactory.getLogger(Ingests.class);

  private Ingests() {}

  /**
   * The ingest, not started.
   *
   * @throws InvalidConfigException if the broker's security files or the signing key cannot be used
   */
  public static FleetIngest build(CloudConfig config, String broker, TwinStore store, ServiceMetrics metrics,
      Readiness readiness, DurabilityListener also) {
    try {
      FleetIngest.Builder b = FleetIngest.builder(broker, store)
          .security(security(config))
          .onDurable(new DurabilityListener() {
            @Override
            public void durable(TelemetryBatch batch, long committedMillis) {
              metrics.durable(batch, committedMillis);
              also.durable(batch, committedMillis);
            }

            @Override
            public void durable(TelemetryBatch batch, long receivedMillis, long committedMillis) {
              metrics.durable(batch, receivedMillis, committedMillis);
              also.durable(batch, receivedMillis, committedMillis);
            }
          })
          .onTransaction(metrics)
          .onFatalError(readiness::fatal)
          .signingKeyFile(KeyId.of(config.signingKeyId()), signingKey(config));
      config.shareGroup().ifPresent(b::shareGroup);
      config.ingestClientId().ifPresent(b::clientId);
      return b.build();
    } catch (KeyFileException | IllegalArgumentException e) {
      throw new InvalidConfigException(e.getMessage(), e);
    }
  }

  private static MqttSecurity security(CloudConfig c) {
    MqttSecurity.Builder s = MqttSecurity.builder();
    c.brokerCaFile().ifPresent(s::trust);
    if (c.brokerCertFile().isPresent() != c.brokerKeyFile().isPresent()) {
      throw new InvalidConfigException("broker.cert-file and broker.key-file go together; only one is set");
    }
    c.brokerCertFile().ifPresent(cert -> s.clientCertificate(cert, c.brokerKeyFile().orElseThrow()));
    c.brokerUsername().ifPresent(s::username);
    c.brokerPasswordFile().ifPresent(f -> s.password(MqttSecrets.passwordFromFile(f)));
    return s.build();
  }

  private static Path signingKey(CloudConfig c) {
    if (c.signingKeyFile().isPresent()) {
      return c.signingKeyFile().get();
    }
    Path key = c.dataDir().resolve("downlink-signing.key");
    if (!Files.exists(key)) {
      Path pub = c.dataDir().resolve("downlink-signing.pub");
      KeyFiles.write(KeyFiles.generate(), key, pub);
      LOG.info("created the downlink signing key {}; cars pin its public key {} as '{}'", key, pub, c.signingKeyId());
    }
    return key;
  }
}
