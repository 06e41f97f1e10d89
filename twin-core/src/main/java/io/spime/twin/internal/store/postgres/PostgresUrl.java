package io.spime.twin.internal.store.postgres;

import io.spime.twin.exceptions.TwinStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code jdbc:postgresql:} URL and the password to use with it: the URL's own, else the environment's
 * {@value #PASSWORD_ENV}, else the first line of the file named by {@value #PASSWORD_FILE_ENV}. The
 * {@link #display()} form, for messages and logs, never holds a password.
 */
record PostgresUrl(String url, Optional<String> password) {
  static final String PASSWORD_ENV = "SPIME_PG_PASSWORD";
  static final String PASSWORD_FILE_ENV = "SPIME_PG_PASSWORD_FILE";
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&]password=)[^&]*");
  private static final int MAX_PASSWORD_FILE_BYTES = 4096;

  @Override
  public String toString() {
    return display();
  }

  String display() {
    return redact(url);
  }

  /** Any URL with its {@code password=} parameter's value replaced by {@code ***}. */
  static String redact(String url) {
    return PASSWORD_PARAM.matcher(url).replaceAll("$1***");
  }

  static PostgresUrl parse(String url) {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("a PostgreSQL store URL starts with jdbc:postgresql:, was "
          + (url == null ? "null" : redact(url)));
    }
    if (PASSWORD_PARAM.matcher(url).find()) {
      return new PostgresUrl(url, Optional.empty());
    }
    String fromEnv = System.getenv(PASSWORD_ENV);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return new PostgresUrl(url, Optional.of(fromEnv));
    }
    String file = System.getenv(PASSWORD_FILE_ENV);
    if (file != null && !file.isEmpty()) {
      return new PostgresUrl(url, Optional.of(readPasswordFile(Path.of(file))));
    }
    return new PostgresUrl(url, Optional.empty());
  }

  private static String readPasswordFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_PASSWORD_FILE_BYTES + 1);
      if (bytes.length > MAX_PASSWORD_FILE_BYTES) {
        throw new TwinStoreException("password file " + file + " (" + PASSWORD_FILE_ENV + ") is longer than "
            + MAX_PASSWORD_FILE_BYTES + " bytes; it should hold the password alone");
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      String password = (end < 0 ? text : text.substring(0, end)).strip();
      if (password.isEmpty()) {
        throw new TwinStoreException("password file " + file + " (" + PASSWORD_FILE_ENV + ") is empty");
      }
      return password;
    } catch (IOException e) {
      throw new TwinStoreException("cannot read password file " + file + " (" + PASSWORD_FILE_ENV + "): "
          + e.getMessage(), e);
    }
  }
}
