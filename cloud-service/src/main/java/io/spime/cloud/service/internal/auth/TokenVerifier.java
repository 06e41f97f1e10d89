package io.spime.cloud.service.internal.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.spime.cloud.service.CloudConfig;
import io.spime.cloud.service.InvalidConfigException;
import io.spime.cloud.service.Role;
import io.spime.twin.custody.PartyId;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies bearer JWTs: signature against the configured keys (a JWKS URL, a JWKS file, the
 * development issuer's key), issuer, audience, expiry, a subject that is a party id and a known role.
 * A token that passed is remembered (see {@link VerifiedTokens}) and not checked again until its expiry
 * or for five minutes at most.
 */
public final class TokenVerifier {
  private static final int MAX_TOKEN_CHARS = 8 * 1024;
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
      JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
      JWSAlgorithm.PS256, JWSAlgorithm.EdDSA);
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final String roleClaim;
  private final Clock clock;
  private final VerifiedTokens verified;

  /**
   * A verifier trusting the config's keys and, if given, the development issuer's.
   *
   * @throws InvalidConfigException if the JWKS file cannot be read or the URL is unusable
   */
  public TokenVerifier(CloudConfig config, Optional<DevIssuer> dev) {
    this(config, dev, Clock.systemUTC());
  }

  /** As {@link #TokenVerifier(CloudConfig, Optional)}, judging expiry by this clock. */
  TokenVerifier(CloudConfig config, Optional<DevIssuer> dev, Clock clock) {
    this.clock = clock;
    this.verified = new VerifiedTokens(clock);
    List<JWKSource<SecurityContext>> sources = new ArrayList<>();
    config.jwksUrl().ifPresent(url -> {
      try {
        sources.add(JWKSourceBuilder.create(url.toURL()).build());
      } catch (MalformedURLException e) {
        throw new InvalidConfigException("auth.jwks-url " + url + " is not a URL: " + e.getMessage(), e);
      }
    });
    config.jwksFile().ifPresent(file -> {
      try {
        sources.add(new ImmutableJWKSet<>(JWKSet.parse(Files.readString(file)).toPublicJWKSet()));
      } catch (IOException | ParseException e) {
        throw new InvalidConfigException("auth.jwks-file " + file + " is not a readable JWKS: " + e.getMessage(), e);
      }
    });
    dev.ifPresent(d -> sources.add(new ImmutableJWKSet<>(new JWKSet(d.publicKey()))));
    JWKSource<SecurityContext> all = (JWKSelector selector, SecurityContext ctx) -> {
      List<JWK> keys = new ArrayList<>();
      for (JWKSource<SecurityContext> s : sources) {
        keys.addAll(s.get(selector, ctx));
      }
      return keys;
    };
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, all));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
        config.authAudience(),
        new JWTClaimsSet.Builder().issuer(config.authIssuer()).build(),
        Set.of("sub", "exp", config.roleClaim())) {
      @Override
      protected Date currentTime() {
        return Date.from(clock.instant());
      }
    });
    this.roleClaim = config.roleClaim();
  }

  /**
   * The caller the token names.
   *
   * @throws UnauthorizedException if the token is missing, malformed, forged, expired, for another
   *     issuer or audience, or names no valid party or role
   */
  public Caller verify(Optional<String> authorization) {
    String header = authorization.orElseThrow(() -> new UnauthorizedException("a bearer token is required"));
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new UnauthorizedException("the Authorization header must be 'Bearer <token>'");
    }
    String token = header.substring(7).strip();
    if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      throw new UnauthorizedException("the bearer token is empty or longer than " + MAX_TOKEN_CHARS + " characters");
    }
    Optional<Caller> known = verified.find(token);
    if (known.isPresent()) {
      return known.get();
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException | BadJOSEException e) {
      throw new UnauthorizedException("the bearer token was refused: " + e.getMessage());
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new UnauthorizedException("the bearer token could not be checked");
    }
    Object roleValue = claims.getClaim(roleClaim);
    Role role = Optional.ofNullable(roleValue).map(Object::toString).flatMap(Role::ofClaim)
        .orElseThrow(() -> new UnauthorizedException("the token's " + roleClaim + " claim names no known role"));
    Caller caller;
    try {
      caller = new Caller(PartyId.of(claims.getSubject()), role);
    } catch (IllegalArgumentException e) {
      throw new UnauthorizedException("the token's subject is not a valid party id");
    }
    verified.put(token, caller, claims.getExpirationTime().toInstant());
    return caller;
  }

  /** The verified tokens remembered, for tests. */
  long tokensRemembered() {
    return verified.size();
  }
}
