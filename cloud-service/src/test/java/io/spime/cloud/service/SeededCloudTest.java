package io.spime.cloud.service;

import io.spime.twin.custody.PartyId;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A test class over one running spime-cloud and its seeded fleet, started once for the class. */
abstract class SeededCloudTest {
  static final String CAR = "/v1/twins/" + SeededFleet.LEASED.value();
  @TempDir static Path dir;
  static CloudFixture cloud;

  @BeforeAll
  static void startCloud() {
    cloud = CloudFixture.seeded(dir);
  }

  @AfterAll
  static void stopCloud() {
    cloud.close();
  }

  /** Assigns {@code customer} as the leased car's driver with this caller's token, at the revision it reads. */
  static Api.Answer assignDriver(String token, PartyId customer) {
    return cloud.api.send("PUT", CAR + "/driver", token, "{\"customer\":\"" + customer.value() + "\"}",
        Map.of("If-Match", etag(token)));
  }

  /** The leased car's ETag as this caller reads it. */
  static String etag(String token) {
    return cloud.api.get(CAR, token).header("ETag").orElseThrow();
  }
}
