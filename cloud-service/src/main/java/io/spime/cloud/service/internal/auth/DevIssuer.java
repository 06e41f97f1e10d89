package io.spime.cloud.service.internal.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.spime.cloud.service.CloudConfig;
import io.spime.cloud.service.InvalidConfigException;
import io.spime.cloud.service.Role;
import io.spime.twin.custody.PartyId;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

/**
 * The development issuer: an EC P-256 key in the data folder (owner-only), created on first use, that
 * signs tokens for the demo and the tests. Production trusts an identity provider's keys instead.
 */
public final class DevIssuer {
  private static final long MAX_KEY_BYTES = 16 * 1024;
  private final ECKey key;
  private final CloudConfig config;

  private DevIssuer(ECKey key, CloudConfig config) {
    this.key = key;
    this.config = config;
  }

  /**
   * The issuer whose key is in the config's data folder, created there if missing.
   *
   * @throws InvalidConfigException if the key file cannot be read, written, or is open to others
   */
  public static DevIssuer openOrCreate(CloudConfig config) {
    Path file = config.devIssuerKeyFile();
    try {
      if (Files.exists(file)) {
        return new DevIssuer(read(file), config);
      }
      OwnerOnlyFiles.createDirectories(file.toAbsolutePath().getParent());
      ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
          .keyID("spime-dev-" + UUID.randomUUID().toString().substring(0, 8)).generate();
      OwnerOnlyFiles.writeString(file, key.toJSONString());
      return new DevIssuer(key, config);
    } catch (IOException | JOSEException e) {
      throw new InvalidConfigException("cannot create the development issuer's key " + file + ": " + e.getMessage(), e);
    }
  }

  private static ECKey read(Path file) throws IOException {
    if (Files.size(file) > MAX_KEY_BYTES) {
      throw new InvalidConfigException("development issuer key " + file + " is larger than " + MAX_KEY_BYTES + " bytes");
    }
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
        throw new InvalidConfigException("development issuer key " + file + " must be readable by its owner only (chmod 600)");
      }
    }
    try {
      ECKey key = ECKey.parse(Files.readString(file));
      if (!key.isPrivate()) {
        throw new InvalidConfigException("development issuer key " + file + " holds no private key");
      }
      return key;
    } catch (ParseException e) {
      throw new InvalidConfigException("development issuer key " + file + " is not an EC JWK: " + e.getMessage(), e);
    }
  }

  /** The public half, which the service trusts. */
  public ECKey publicKey() {
    return key.toPublicJWK();
  }

  /** A signed token for the party in the role, valid for {@code ttl}. */
  public String token(PartyId party, Role role, Duration ttl) {
    Instant now = Instant.now();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(config.authIssuer())
        .audience(config.authAudience())
        .subject(party.value())
        .claim(config.roleClaim(), role.claim())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ttl)))
        .jwtID(UUID.randomUUID().toString())
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with the development issuer's key: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }
}
