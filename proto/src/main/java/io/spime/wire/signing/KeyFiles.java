package io.spime.wire.signing;

import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Ed25519 keys in PEM files, as {@code openssl genpkey -algorithm ed25519} writes them: the private
 * key as PKCS#8 ({@code BEGIN PRIVATE KEY}), the public key as X.509 SubjectPublicKeyInfo ({@code
 * BEGIN PUBLIC KEY}). A private key file must be readable by its owner only where the file system
 * has POSIX permissions. Every error names the file.
 */
public final class KeyFiles {
  private static final String PRIVATE = "PRIVATE KEY";
  private static final String PUBLIC = "PUBLIC KEY";
  private static final long MAX_FILE_BYTES = 64 * 1024;

  private KeyFiles() {}

  /** A new Ed25519 key pair from the JDK's default source of randomness. */
  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no Ed25519 (Java 15 or later has)", e);
    }
  }

  /**
   * Reads an Ed25519 private key (PKCS#8 PEM).
   *
   * @throws KeyFileException if the file cannot be read, group or others may access it, or it
   *     does not hold an unencrypted Ed25519 private key
   */
  public static PrivateKey readPrivateKey(Path file) {
    requireOwnerOnly(file);
    byte[] der = der(file, PRIVATE);
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new KeyFileException("key file " + file + " does not hold an Ed25519 private key"
          + " (PKCS#8); make one with: openssl genpkey -algorithm ed25519 -out " + file, e);
    }
  }

  /**
   * Reads an Ed25519 public key (X.509 SubjectPublicKeyInfo PEM).
   *
   * @throws KeyFileException if the file cannot be read or does not hold an Ed25519 public key
   */
  public static PublicKey readPublicKey(Path file) {
    byte[] der = der(file, PUBLIC);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new KeyFileException("key file " + file + " does not hold an Ed25519 public key"
          + " (SubjectPublicKeyInfo); derive it with: openssl pkey -in PRIVATE.pem -pubout -out "
          + file, e);
    }
  }

  /**
   * Writes a key pair as {@code private} and {@code public}, both owner-only where POSIX permissions
   * exist; neither file may exist yet.
   *
   * @throws KeyFileException if a file exists or cannot be written
   */
  public static void write(KeyPair pair, Path privateFile, Path publicFile) {
    Objects.requireNonNull(pair, "pair");
    writePem(privateFile, PRIVATE, pair.getPrivate().getEncoded());
    writePem(publicFile, PUBLIC, pair.getPublic().getEncoded());
  }

  /** Writes a new key file owner-only, as every file spime creates (a public key too: 0600 costs nothing). */
  private static void writePem(Path file, String label, byte[] der) {
    String pem = "-----BEGIN " + label + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + label + "-----\n";
    try {
      Files.createFile(file, OwnerOnlyFiles.fileAttributes());
      Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      throw new KeyFileException("key file " + file + " exists already; not overwriting it", e);
    } catch (IOException e) {
      throw new KeyFileException("cannot write key file " + file + ": " + e.getMessage(), e);
    }
  }

  private static byte[] der(Path file, String label) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new KeyFileException("key file " + file + " is larger than " + MAX_FILE_BYTES
            + " bytes; it is not a PEM key");
      }
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new KeyFileException("key file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new KeyFileException("cannot read key file " + file + ": " + e.getMessage(), e);
    }
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      String found = text.contains("ENCRYPTED PRIVATE KEY") ? " (it is encrypted; store it"
          + " unencrypted with owner-only permissions)" : "";
      throw new KeyFileException("key file " + file + " has no '" + begin + "' ... '" + end
          + "' block" + found);
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to).strip());
    } catch (IllegalArgumentException e) {
      throw new KeyFileException("key file " + file + ": the " + label + " block is not base64: "
          + e.getMessage(), e);
    }
  }

  private static void requireOwnerOnly(Path file) {
    if (!Files.exists(file) || !isPosix(file)) {
      return;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      permissions.retainAll(EnumSet.of(PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE));
      if (!permissions.isEmpty()) {
        throw new KeyFileException("private key file " + file + " may be accessed by group or"
            + " others (" + PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
            + "); make it owner-only: chmod 600 " + file);
      }
    } catch (IOException e) {
      throw new KeyFileException("cannot read the permissions of key file " + file + ": "
          + e.getMessage(), e);
    }
  }

  private static boolean isPosix(Path path) {
    return path != null && Files.getFileAttributeView(path, PosixFileAttributeView.class,
        LinkOption.NOFOLLOW_LINKS) != null;
  }
}
