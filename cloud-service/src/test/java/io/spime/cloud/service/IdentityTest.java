package io.spime.cloud.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.spime.wire.files.OwnerOnlyFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer tokens: what is refused with 401, and a production set-up trusting an identity provider's JWKS file. */
class IdentityTest {
  private static final String CAR = "/v1/twins/" + SeededFleet.LEASED.value();
  @TempDir static Path dir;
  static CloudFixture cloud;
  static ECKey provider;

  @BeforeAll
  static void start() throws Exception {
    provider = new ECKeyGenerator(Curve.P_256).keyID("idp-1").generate();
    Path jwks = dir.resolve("idp-jwks.json");
    OwnerOnlyFiles.writeString(jwks, new JWKSet(provider.toPublicJWK()).toString());
    cloud = new CloudFixture(dir, Map.of("SPIME_CLOUD_AUTH_JWKS_FILE", jwks.toString(),
        "SPIME_CLOUD_AUTH_ISSUER", "https://idp.example", "SPIME_CLOUD_AUTH_DEV_ISSUER", "false"));
  }

  @AfterAll
  static void stop() {
    cloud.close();
  }

  private static String signed(ECKey key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  private static JWTClaimsSet.Builder valid() {
    return new JWTClaimsSet.Builder().issuer("https://idp.example").audience("spime-cloud").subject("oem.eng-7")
        .claim("spime_role", "oem-technical").expirationTime(Date.from(Instant.now().plusSeconds(600)));
  }

  @Test
  void a_token_of_the_identity_provider_is_accepted() throws Exception {
    assertEquals(200, cloud.api.get(CAR, signed(provider, valid().build())).status());
  }

  @Test
  void without_a_token_or_with_a_bad_one_the_answer_is_401_problem_details() throws Exception {
    ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("idp-1").generate();
    Map<String, String> refused = Map.of(
        "none", "",
        "garbage", "not.a.jwt",
        "forged", signed(stranger, valid().build()),
        "expired", signed(provider, valid().expirationTime(Date.from(Instant.now().minusSeconds(3600))).build()),
        "other issuer", signed(provider, valid().issuer("https://evil.example").build()),
        "other audience", signed(provider, valid().audience("another-service").build()),
        "unknown role", signed(provider, valid().claim("spime_role", "admin").build()),
        "bad subject", signed(provider, valid().subject("no spaces allowed").build()),
        "dev issuer off", cloud.token(SeededFleet.BOB, Role.CUSTOMER));
    refused.forEach((why, token) -> {
      Api.Answer a = cloud.api.get(CAR, token.isEmpty() ? null : token);
      assertEquals(401, a.status(), why);
      assertEquals("application/problem+json", a.header("Content-Type").orElse("").split(";")[0], why);
      assertTrue(a.header("WWW-Authenticate").orElse("").startsWith("Bearer"), why);
    });
  }

  @Test
  void health_metrics_and_the_document_need_no_token() {
    assertEquals(200, cloud.api.get("/health/live", null).status());
    assertEquals(200, cloud.api.get("/metrics", null).status());
    assertEquals(200, cloud.api.get("/v1/openapi.json", null).status());
  }
}
