package io.spime.broker.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** A salted PBKDF2-HMAC-SHA256 hash of a password; the password itself is never kept. */
public final class PasswordHash {
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  /** Iterations for passwords people choose (OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600,000). */
  public static final int DEFAULT_ITERATIONS = 210_000;
  private static final int BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] salt;
  private final int iterations;
  private final byte[] hash;

  private PasswordHash(byte[] salt, int iterations, byte[] hash) {
    this.salt = salt;
    this.iterations = iterations;
    this.hash = hash;
  }

  /** Hashes the password with a fresh random salt and this many PBKDF2 iterations. */
  public static PasswordHash of(char[] password, int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be 1 or more, was " + iterations);
    }
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return new PasswordHash(salt, iterations, derive(password, salt, iterations));
  }

  /** Whether the password is the one hashed, compared in constant time. */
  public boolean matches(char[] password) {
    return MessageDigest.isEqual(hash, derive(password, salt, iterations));
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
    } finally {
      spec.clearPassword();
    }
  }

  @Override
  public String toString() {
    return "PasswordHash[" + ALGORITHM + ", " + iterations + " iterations]";
  }
}
