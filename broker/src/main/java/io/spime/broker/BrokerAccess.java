package io.spime.broker;

import io.spime.broker.internal.PasswordHash;
import io.spime.broker.internal.Principal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who may connect to the embedded broker and what each may do: a car (an identity that is a VIN)
 * speaks only for itself, the cloud identities alone send downlink and read the fleet.
 *
 * <p>An identity is the subject CN of a client certificate under mutual TLS, or else the username of
 * a username/password login, checked against the passwords given here (kept only as PBKDF2 hashes).
 * Build with {@link #builder()}; {@link #open()} turns the checks off.
 */
public final class BrokerAccess {
  private static final BrokerAccess OPEN = new BrokerAccess(false, Set.of(), Map.of());

  private final boolean enforced;
  private final Set<String> cloudIdentities;
  private final Map<String, PasswordHash> passwords;

  private BrokerAccess(boolean enforced, Set<String> cloud, Map<String, PasswordHash> passwords) {
    this.enforced = enforced;
    this.cloudIdentities = Set.copyOf(cloud);
    this.passwords = Map.copyOf(passwords);
  }

  /** No authentication and no authorization: any client may do anything (experiments only). */
  public static BrokerAccess open() {
    return OPEN;
  }

  /** A builder of enforced access: nobody may connect until given an identity. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether identities and the topic rule are enforced. */
  public boolean enforced() {
    return enforced;
  }

  /** The identities that act as the cloud (ingest, downlink). */
  public Set<String> cloudIdentities() {
    return cloudIdentities;
  }

  /** Whether the identity has a password here and this is it (constant time in the hash compare). */
  public boolean passwordMatches(String identity, char[] password) {
    PasswordHash hash = passwords.get(identity);
    return hash != null && hash.matches(password);
  }

  /** Whether this identity is one of the cloud's. */
  public boolean isCloud(String identity) {
    return cloudIdentities.contains(identity);
  }

  @Override
  public String toString() {
    return enforced
        ? "BrokerAccess[enforced, cloud=" + cloudIdentities + ", " + passwords.size() + " passwords]"
        : "BrokerAccess[open]";
  }

  /** Builds an enforced {@link BrokerAccess}, checking each identity as it is added. */
  public static final class Builder {
    private final Set<String> cloud = new LinkedHashSet<>();
    private final Map<String, PasswordHash> passwords = new LinkedHashMap<>();
    private int hashIterations = PasswordHash.DEFAULT_ITERATIONS;

    private Builder() {}

    /**
     * PBKDF2 iterations for the passwords added after this call (default 210,000, about 0.2 s a check).
     * Lower it only for random secrets of 128 bits or more, which no iteration count makes weaker or
     * stronger; a fleet of simulated cars uses 1,000.
     *
     * @throws IllegalArgumentException if below 1,000
     */
    public Builder hashIterations(int iterations) {
      if (iterations < 1_000) {
        throw new IllegalArgumentException("hashIterations must be 1000 or more, was " + iterations);
      }
      this.hashIterations = iterations;
      return this;
    }

    /**
     * Adds an identity that acts as the cloud.
     *
     * @throws IllegalArgumentException if it is empty or a VIN (a VIN is always a car)
     */
    public Builder cloudIdentity(String identity) {
      checkIdentity(identity);
      if (Principal.carOf(identity).isPresent()) {
        throw new IllegalArgumentException(
            "cloud identity '" + identity + "' is a VIN; a VIN always names a car");
      }
      cloud.add(identity);
      return this;
    }

    /**
     * Lets this identity log in with a username and this password; only a salted PBKDF2 hash is kept
     * (the caller may wipe the array afterwards).
     *
     * @throws IllegalArgumentException if the identity is empty or the password shorter than 12
     */
    public Builder password(String identity, char[] password) {
      checkIdentity(identity);
      Objects.requireNonNull(password, "password");
      if (password.length < 12) {
        throw new IllegalArgumentException(
            "password of '" + identity + "' has " + password.length + " characters, at least 12 needed");
      }
      passwords.put(identity, PasswordHash.of(password, hashIterations));
      return this;
    }

    /** The access settings. */
    public BrokerAccess build() {
      return new BrokerAccess(true, cloud, passwords);
    }

    private static void checkIdentity(String identity) {
      Objects.requireNonNull(identity, "identity");
      if (identity.isBlank() || identity.length() > 256) {
        throw new IllegalArgumentException("identity must be 1..256 non-blank characters, was '" + identity + "'");
      }
    }
  }
}
