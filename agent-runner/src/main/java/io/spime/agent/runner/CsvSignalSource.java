package io.spime.agent.runner;

import io.spime.agent.AgentClosedException;
import io.spime.agent.SampleSink;
import io.spime.agent.SignalSource;
import io.spime.wire.UnknownSignalException;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads samples as CSV lines {@code epoch_millis,VSS.path,value} on its own thread: a number, {@code
 * true}/{@code false}, or text (everything after the second comma). Empty lines and lines starting
 * with {@code #} are skipped; a bad line is reported with its number and reading goes on.
 */
public final class CsvSignalSource implements SignalSource {
  private static final Logger LOG = LoggerFactory.getLogger(CsvSignalSource.class);
  private static final int KEPT_ERRORS = 100;

  private final BufferedReader reader;
  private final SignalCatalog catalog;
  private final String name;
  private final AtomicLong recorded = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean finished;
  private volatile boolean closed;
  private @Nullable Thread thread;

  /** A source reading {@code input} (named {@code name} in messages) against {@code catalog}. */
  public CsvSignalSource(Reader input, SignalCatalog catalog, String name) {
    this.reader = new BufferedReader(Objects.requireNonNull(input, "input"));
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public synchronized void start(SampleSink sink) {
    if (thread != null) {
      throw new IllegalStateException("CSV source " + name + " was already started");
    }
    thread = new Thread(() -> readAll(sink), "csv-source");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public boolean isFinished() {
    return finished;
  }

  /** Lines recorded so far. */
  public long recorded() {
    return recorded.get();
  }

  /** Lines rejected so far. */
  public long rejected() {
    return rejected.get();
  }

  /** The first rejected lines with the reason, such as {@code line 7: unknown signal ...}. */
  public List<String> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  private void readAll(SampleSink sink) {
    long number = 0;
    try {
      String line;
      while (!closed && (line = reader.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        try {
          recordLine(sink, trimmed);
          recorded.incrementAndGet();
        } catch (IllegalArgumentException | UnknownSignalException e) {
          reject(number, e.getMessage());
        }
      }
    } catch (IOException e) {
      reject(number + 1, "cannot read " + name + ": " + e.getMessage());
    } catch (AgentClosedException e) {
      LOG.debug("CSV source {} stopped: {}", name, e.getMessage());
    } finally {
      finished = true;
    }
  }

  private void recordLine(SampleSink sink, String line) {
    int first = line.indexOf(',');
    int second = first < 0 ? -1 : line.indexOf(',', first + 1);
    if (second < 0) {
      throw new IllegalArgumentException("expected epoch_millis,VSS.path,value");
    }
    long time;
    try {
      time = Long.parseLong(line.substring(0, first).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + line.substring(0, first) + "' is not epoch milliseconds");
    }
    String path = line.substring(first + 1, second).strip();
    String value = line.substring(second + 1);
    SignalDefinition signal = catalog.require(path);
    switch (signal.type()) {
      case BOOLEAN -> sink.record(path, time, parseBoolean(value.strip()));
      case STRING -> sink.record(path, time, value);
      default -> sink.record(path, time, parseNumber(path, value.strip()));
    }
  }

  private static boolean parseBoolean(String value) {
    if (value.equalsIgnoreCase("true") || value.equals("1")) {
      return true;
    }
    if (value.equalsIgnoreCase("false") || value.equals("0")) {
      return false;
    }
    throw new IllegalArgumentException("'" + value + "' is not true or false");
  }

  private static double parseNumber(String path, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(path + ": '" + value + "' is not a number");
    }
  }

  private void reject(long line, String reason) {
    rejected.incrementAndGet();
    String message = "line " + line + ": " + reason;
    LOG.warn("{} {}", name, message);
    if (errors.size() < KEPT_ERRORS) {
      errors.add(message);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + name, e);
    }
  }
}
