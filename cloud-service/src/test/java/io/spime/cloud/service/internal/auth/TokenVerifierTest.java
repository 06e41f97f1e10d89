package io.spime.cloud.service.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.spime.cloud.service.CloudConfig;
import io.spime.cloud.service.Role;
import io.spime.twin.custody.PartyId;
import io.spime.wire.files.OwnerOnlyFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier's memory of verified tokens: it never accepts what the full check would refuse. */
class TokenVerifierTest {
  @TempDir Path dir;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T06:00:00Z"));
  private ECKey provider;
  private TokenVerifier verifier;

  @BeforeEach
  void start() throws Exception {
    provider = new ECKeyGenerator(Curve.P_256).keyID("idp-1").generate();
    Path jwks = dir.resolve("idp-jwks.json");
    OwnerOnlyFiles.writeString(jwks, new JWKSet(provider.toPublicJWK()).toString());
    CloudConfig config = CloudConfig.load(Optional.empty(), Map.of("SPIME_CLOUD_DATA_DIR", dir.resolve("data").toString(),
        "SPIME_CLOUD_AUTH_JWKS_FILE", jwks.toString(), "SPIME_CLOUD_AUTH_ISSUER", "https://idp.example",
        "SPIME_CLOUD_AUTH_DEV_ISSUER", "false"));
    verifier = new TokenVerifier(config, Optional.empty(), clock);
  }

  private String token(ECKey key, String subject, Instant expiry) throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://idp.example").audience("spime-cloud")
        .subject(subject).claim("spime_role", "oem-technical").expirationTime(Date.from(expiry)).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new ECDSASigner(key));
    return "Bearer " + jwt.serialize();
  }

  @Test
  void a_token_verified_once_is_remembered_and_answers_the_same_caller() throws Exception {
    String token = token(provider, "oem.eng-7", clock.instant().plusSeconds(600));
    Caller first = verifier.verify(Optional.of(token));
    assertEquals(1, verifier.tokensRemembered());
    assertEquals(first, verifier.verify(Optional.of(token)));
    assertEquals(new Caller(PartyId.of("oem.eng-7"), Role.OEM_TECHNICAL), first);
    assertEquals(1, verifier.tokensRemembered());
  }

  @Test
  void a_remembered_token_is_refused_once_it_has_expired() throws Exception {
    String token = token(provider, "oem.eng-7", clock.instant().plusSeconds(120));
    verifier.verify(Optional.of(token));
    clock.advance(Duration.ofSeconds(121 + 60)); // past the expiry and the verifier's clock skew
    UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> verifier.verify(Optional.of(token)));
    assertEquals("the bearer token was refused: Expired JWT", e.getMessage());
  }

  @Test
  void a_remembered_token_counts_until_its_expiry_or_five_minutes_whichever_comes_first() {
    VerifiedTokens tokens = new VerifiedTokens(clock);
    Caller caller = new Caller(PartyId.of("oem.eng-7"), Role.OEM_TECHNICAL);
    tokens.put("long-lived", caller, clock.instant().plus(Duration.ofHours(1)));
    tokens.put("short-lived", caller, clock.instant().plusSeconds(30));
    clock.advance(Duration.ofSeconds(29));
    assertEquals(Optional.of(caller), tokens.find("short-lived"));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.empty(), tokens.find("short-lived"));
    clock.advance(VerifiedTokens.MAX_AGE.minusSeconds(31));
    assertEquals(Optional.of(caller), tokens.find("long-lived"));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.empty(), tokens.find("long-lived"));
    assertEquals(0, tokens.size());
  }

  @Test
  void a_token_with_the_same_claims_but_a_forged_signature_is_not_taken_for_the_remembered_one() throws Exception {
    Instant expiry = clock.instant().plusSeconds(600);
    verifier.verify(Optional.of(token(provider, "oem.eng-7", expiry)));
    ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("idp-1").generate();
    String forged = token(stranger, "oem.eng-7", expiry);
    UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> verifier.verify(Optional.of(forged)));
    assertEquals("the bearer token was refused: Signed JWT rejected: Invalid signature", e.getMessage());
    assertEquals(1, verifier.tokensRemembered());
  }

  @Test
  void refused_tokens_are_not_remembered() throws Exception {
    String expired = token(provider, "oem.eng-7", clock.instant().minusSeconds(3600));
    assertThrows(UnauthorizedException.class, () -> verifier.verify(Optional.of(expired)));
    assertThrows(UnauthorizedException.class, () -> verifier.verify(Optional.of("Bearer not.a.jwt")));
    assertEquals(0, verifier.tokensRemembered());
  }

  /** A clock that moves only when told. */
  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
