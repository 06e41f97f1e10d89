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

  /**
   * Customer care records the customer's opt-in to sharing their data with the partner.
   *
   * @return the partner's pseudonym of the customer
   */
  static String share(PartyId customer, PartyId partner) {
    Api.Answer given = cloud.api.post("/v1/customers/" + customer.value() + "/optins", cloud.care(),
        "{\"purpose\":{\"kind\":\"PARTNER_SHARING\",\"scope\":\"" + partner.value()
            + "\"},\"textVersion\":\"share-2026-1\",\"channel\":\"APP\"}", Map.of());
    if (given.status() != 201) {
      throw new AssertionError("sharing not recorded: " + given.text());
    }
    return given.json().path("pseudonym").asText();
  }

  /** Customer care records the customer's withdrawal of sharing with the partner. */
  static Api.Answer stopSharing(PartyId customer, PartyId partner) {
    return cloud.api.post("/v1/customers/" + customer.value() + "/optins/withdrawals", cloud.care(),
        "{\"purpose\":{\"kind\":\"PARTNER_SHARING\",\"scope\":\"" + partner.value() + "\"},\"channel\":\"WEB\"}",
        Map.of());
  }

  /** A partner assigns the customer it knows by {@code pseudonym} as the leased car's driver. */
  static Api.Answer assignDriverByPseudonym(String partnerToken, String pseudonym) {
    return cloud.api.send("PUT", CAR + "/driver", partnerToken, "{\"pseudonym\":\"" + pseudonym + "\"}",
        Map.of("If-Match", etag(partnerToken)));
  }

  /** The leased car's ETag as this caller reads it. */
  static String etag(String token) {
    return cloud.api.get(CAR, token).header("ETag").orElseThrow();
  }
}
