package io.spime.wire.internal;

import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import io.spime.wire.catalog.SignalDefinition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses the catalog TSV: a {@code version N} line, then one signal a line, {@code #} comments. */
public final class CatalogReader {
  /** A parsed catalog file. */
  public record Parsed(int version, List<SignalDefinition> signals) {}

  private CatalogReader() {}

  public static Parsed read(InputStream tsv) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8));
    int version = 0;
    List<SignalDefinition> signals = new ArrayList<>();
    try {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        try {
          if (cells[0].equals("version")) {
            version = number(cells.length > 1 ? cells[1] : "", "version");
          } else {
            signals.add(signal(cells));
          }
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(
              "signal catalog line " + number + " is invalid: " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the signal catalog", e);
    }
    if (version == 0) {
      throw new IllegalArgumentException("signal catalog has no 'version' line");
    }
    return new Parsed(version, signals);
  }

  private static SignalDefinition signal(String[] cells) {
    if (cells.length != 7) {
      throw new IllegalArgumentException("expected 7 tab-separated columns, found " + cells.length);
    }
    String unit = cells[3].strip();
    double resolution;
    try {
      resolution = Double.parseDouble(cells[4].strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("resolution '" + cells[4] + "' is not a number", e);
    }
    return new SignalDefinition(
        number(cells[0], "id"),
        cells[1].strip(),
        cells[2].strip(),
        unit.equals("-") ? Optional.empty() : Optional.of(unit),
        resolution,
        constant(DataCategory.class, cells[5], "consent category"),
        constant(Priority.class, cells[6], "priority"));
  }

  private static int number(String cell, String what) {
    try {
      return Integer.parseInt(cell.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " '" + cell + "' is not a whole number", e);
    }
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String cell, String what) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(cell.strip())) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        "unknown " + what + " '" + cell + "', expected one of "
            + java.util.Arrays.toString(type.getEnumConstants()));
  }
}
