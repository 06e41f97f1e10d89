package io.spime.cloud.service;

import io.spime.cloud.service.internal.auth.DevIssuer;
import io.spime.twin.custody.PartyId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A running spime-cloud on the embedded defaults over a seeded store, with development tokens. */
final class CloudFixture implements AutoCloseable {
  final CloudConfig config;
  final CloudService service;
  final Api api;
  private final DevIssuer issuer;

  CloudFixture(Path dir, Map<String, String> extraEnv) throws java.io.IOException {
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("SPIME_CLOUD_DATA_DIR", dir.resolve("data").toString());
    env.put("SPIME_CLOUD_HTTP_PORT", "0");
    this.config = CloudConfig.load(Optional.empty(), env);
    io.spime.wire.files.OwnerOnlyFiles.createDirectories(config.dataDir());
    SeededFleet.write(config.storeLocation());
    this.service = CloudService.start(config);
    this.api = new Api(service.apiUrl());
    this.issuer = DevIssuer.openOrCreate(config);
  }

  static CloudFixture seeded(Path dir) {
    try {
      return new CloudFixture(dir, Map.of());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  String token(PartyId party, Role role) {
    return issuer.token(party, role, Duration.ofMinutes(10));
  }

  String technical() {
    return token(PartyId.of("oem.eng-1"), Role.OEM_TECHNICAL);
  }

  String care() {
    return token(PartyId.of("oem.care-1"), Role.OEM_CUSTOMER_CARE);
  }

  @Override
  public void close() {
    service.close();
  }
}
