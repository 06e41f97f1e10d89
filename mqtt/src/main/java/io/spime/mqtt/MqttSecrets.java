package io.spime.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an MQTT password from where secrets belong: a file (readable by its owner only) or an
 * environment variable. There is deliberately no way to pass one as a command-line argument, which
 * other users of the machine can read in the process list.
 */
public final class MqttSecrets {
  private static final Logger LOG = LoggerFactory.getLogger(MqttSecrets.class);
  private static final int MAX_BYTES = 4096;

  private MqttSecrets() {}

  /**
   * The password in {@code file}: its text without one trailing line break. Logs a warning if other
   * users may read the file.
   *
   * @throws InvalidSecurityException if the file cannot be read, is empty or is over 4 KiB
   */
  public static String passwordFromFile(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new InvalidSecurityException("the password file " + file + " is over " + MAX_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidSecurityException("cannot read the password file " + file + ": " + e, e);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
    }
    if (text.isEmpty()) {
      throw new InvalidSecurityException("the password file " + file + " is empty");
    }
    warnIfOthersCanRead(file);
    return text;
  }

  /**
   * The password in the environment variable {@code variable}.
   *
   * @throws InvalidSecurityException if the variable is unset or empty
   */
  public static String passwordFromEnvironment(String variable) {
    return passwordFromEnvironment(variable, System.getenv());
  }

  static String passwordFromEnvironment(String variable, Map<String, String> environment) {
    String value = environment.get(variable);
    if (value == null || value.isEmpty()) {
      throw new InvalidSecurityException("the environment variable " + variable
          + " that should hold the MQTT password is " + (value == null ? "not set" : "empty"));
    }
    return value;
  }

  private static void warnIfOthersCanRead(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
        LOG.warn("the password file {} can be read by other users; chmod 600 it", file);
      }
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("cannot check the permissions of {}: {}", file, e.toString()); // not a POSIX file system
    }
  }
}
