package io.spime.cloud.service.internal.config;

import io.spime.cloud.service.InvalidConfigException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** Reads the settings: an environment variable wins over the config file, which wins over the default. */
public final class ConfigSource {
  private static final long MAX_FILE_BYTES = 64 * 1024;

  private ConfigSource() {}

  /**
   * Every setting's value.
   *
   * @throws InvalidConfigException if the file cannot be read, is too large or names an unknown key
   */
  public static Map<Setting, String> read(Optional<Path> file, Map<String, String> env) {
    Properties fromFile = file.map(ConfigSource::load).orElseGet(Properties::new);
    Set<String> unknown = new TreeSet<>(fromFile.stringPropertyNames());
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    for (Setting s : Setting.values()) {
      unknown.remove(s.key());
      String value = env.get(s.env());
      if (value == null) {
        value = fromFile.getProperty(s.key(), s.defaultValue());
      }
      values.put(s, value.strip());
    }
    if (!unknown.isEmpty()) {
      throw new InvalidConfigException("config file " + file.orElseThrow() + " has unknown keys " + unknown
          + "; the keys are listed in docs/cloud-service.md");
    }
    return values;
  }

  private static Properties load(Path file) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new InvalidConfigException("config file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
      }
      Properties p = new Properties();
      p.load(new StringReader(Files.readString(file)));
      return p;
    } catch (IOException e) {
      throw new InvalidConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
  }
}
