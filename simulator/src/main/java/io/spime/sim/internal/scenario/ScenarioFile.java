package io.spime.sim.internal.scenario;

import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** A scenario {@code .properties} file: its keys checked, its values read with a fallback each. */
public final class ScenarioFile {
  private final Path file;
  private final Properties props;

  private ScenarioFile(Path file, Properties props) {
    this.file = file;
    this.props = props;
  }

  /** Reads the file and refuses a key not in {@code known}, naming the file and the key. */
  static ScenarioFile read(Path file, Set<String> known) {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scenario file " + file, e);
    }
    for (String key : props.stringPropertyNames()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("scenario file " + file + ": unknown key '" + key
            + "' (known: " + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
    return new ScenarioFile(file, props);
  }

  /** Writes these properties to {@code file}. */
  public static void write(Path file, Properties props, String comment) {
    try (OutputStream out = Files.newOutputStream(OwnerOnlyFiles.createFile(file))) {
      props.store(out, comment);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write scenario file " + file, e);
    }
  }

  Path path() {
    return file;
  }

  String text(String key, String fallback) {
    return props.getProperty(key, fallback).strip();
  }

  double decimal(String key, double fallback) {
    String text = props.getProperty(key);
    if (text == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, was '" + text + "'", e);
    }
  }

  int count(String key, int fallback) {
    String text = props.getProperty(key);
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, was '" + text + "'", e);
    }
  }

  Duration duration(String key, Duration fallback) {
    String text = props.getProperty(key);
    return text == null ? fallback : Durations.parse(text);
  }

  ScenarioSpec.Range range(String key, ScenarioSpec.Range fallback) {
    String text = props.getProperty(key);
    if (text == null) {
      return fallback;
    }
    String[] ends = text.split("\\.\\.", -1);
    if (ends.length != 2) {
      throw new IllegalArgumentException(key + " must be MIN..MAX like 30s..2m, was '" + text + "'");
    }
    return new ScenarioSpec.Range(Durations.parse(ends[0]), Durations.parse(ends[1]));
  }

  /** A range as a file holds it, to the millisecond. */
  static String format(ScenarioSpec.Range range) {
    return range.min().toMillis() + "ms.." + range.max().toMillis() + "ms";
  }

  /** A duration as a file holds it, to the millisecond. */
  static String format(Duration duration) {
    return duration.toMillis() + "ms";
  }
}
