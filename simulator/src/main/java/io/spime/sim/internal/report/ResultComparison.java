package io.spime.sim.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Two runs' JSON results ({@link RunJson}) side by side: where and how each ran, their verdicts,
 * then every figure of both with the ratio of the second to the first.
 */
public final class ResultComparison {
  /** A result larger than this is not one spime-sim wrote; it is refused before it is read. */
  static final long MAX_BYTES = 64L * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Result first;
  private final Result second;

  /** One run's result as read, with the name it was given on the command line. */
  record Result(String name, JsonNode root) {}

  private ResultComparison(Result first, Result second) {
    this.first = first;
    this.second = second;
  }

  /**
   * Reads two results.
   *
   * @throws IllegalArgumentException naming the file, when one is missing, too large, not JSON or
   *     not a spime-sim result of this format
   */
  public static ResultComparison read(Path first, Path second) {
    return new ResultComparison(result(first), result(second));
  }

  /** The ratio of {@code b} to {@code a} as people read it: {@code 1.25x}, {@code =}, {@code -}. */
  static String ratio(double a, double b) {
    if (a == b) {
      return "=";
    }
    if (a == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2fx", b / a);
  }

  /** Prints both headers, both verdicts and the figures with their ratios. */
  public void print(PrintWriter out) {
    for (Result result : List.of(first, second)) {
      JsonNode header = result.root().path("header");
      String label = result == first ? "A" : "B";
      out.printf("%s: %s%n", label, result.name());
      out.printf("   spime-sim %s (commit %s), %s%n", header.path("version").asText(),
          shortCommit(header.path("commit").asText()), header.path("date").asText());
      out.printf("   on %s, %d cores, %s%n", header.path("host").asText(),
          header.path("cores").asInt(), header.path("jvm").asText());
      out.printf("   %s%n", header.path("commandLine").asText());
      out.printf("   scenario %s, %d cars for %s s, seed %d: %s%n",
          header.path("scenario").asText(), header.path("vehicles").asInt(),
          number(header.path("durationSeconds").asDouble()), header.path("seed").asLong(),
          result.root().path("verdict").asText());
    }
    out.printf("%n%-36s %13s %13s %9s%n", "figure", "A", "B", "B/A");
    for (String name : figureNames()) {
      JsonNode a = first.root().path("figures").path(name);
      JsonNode b = second.root().path("figures").path(name);
      out.printf("%-36s %13s %13s %9s%n", name, a.isNumber() ? number(a.asDouble()) : "-",
          b.isNumber() ? number(b.asDouble()) : "-",
          a.isNumber() && b.isNumber() ? ratio(a.asDouble(), b.asDouble()) : "-");
    }
    out.flush();
  }

  /** The figures of both results, those of the first first. */
  List<String> figureNames() {
    Set<String> names = new LinkedHashSet<>();
    for (Result result : List.of(first, second)) {
      Iterator<String> fields = result.root().path("figures").fieldNames();
      fields.forEachRemaining(names::add);
    }
    return new ArrayList<>(names);
  }

  private static Result result(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IllegalArgumentException(file + " is larger than " + MAX_BYTES / 1024 / 1024
            + " MB: not a spime-sim result");
      }
      JsonNode root = JSON.readTree(file.toFile());
      if (root == null || !root.path("figures").isObject() || !root.path("header").isObject()) {
        throw new IllegalArgumentException(file + " is not a spime-sim result (no header and"
            + " figures); write one with run --json FILE");
      }
      if (root.path("format").asInt() != RunJson.FORMAT) {
        throw new IllegalArgumentException(file + " has result format "
            + root.path("format").asText("none") + "; this spime-sim reads " + RunJson.FORMAT);
      }
      return new Result(file.toString(), root);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file, e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not JSON: "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String shortCommit(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
        : String.format(Locale.ROOT, "%,.1f", value);
  }
}
