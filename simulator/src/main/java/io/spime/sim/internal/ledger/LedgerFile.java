package io.spime.sim.internal.ledger;

import io.spime.sim.internal.model.TroubleCode;
import io.spime.wire.files.OwnerOnlyFiles;
import io.spime.wire.telemetry.SignalValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An out-of-process car's ledger on disk: one line per sample its agent accepted
 * ({@code a TAB path TAB n|b TAB value}) or refused ({@code r TAB reason}), each written with one
 * {@code write} call right after {@code record} returned. A trouble-code change takes a line before
 * {@code raise} ({@code d TAB eventId TAB timeMillis TAB code TAB set|clear}) and one after: kept
 * ({@code k TAB eventId}) or refused ({@code x TAB eventId TAB reason}); a {@code d} line without
 * its outcome is {@linkplain DtcHistory#pending() pending}. No fsync: a SIGKILL keeps what reached
 * the page cache. A last line without its newline was cut by a kill and does not count; reopening
 * the file cuts it off before appending.
 */
public final class LedgerFile implements AutoCloseable {
  private final Path path;
  private final FileChannel channel;
  private final Ledger.Snapshot start;

  private LedgerFile(Path path, FileChannel channel, Ledger.Snapshot start) {
    this.path = path;
    this.channel = channel;
    this.start = start;
  }

  /** Opens (or creates) the file to append, after cutting off a torn last line. */
  public static LedgerFile open(Path path) {
    try {
      FileChannel channel = FileChannel.open(path, java.util.Set.of(StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE), OwnerOnlyFiles.fileAttributes());
      Parsed parsed = parse(path);
      channel.truncate(parsed.completeBytes());
      channel.position(parsed.completeBytes());
      return new LedgerFile(path, channel, parsed.snapshot());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the ledger " + path, e);
    }
  }

  /** What the file holds in complete lines; empty when there is no file. */
  public static Ledger.Snapshot read(Path path) {
    try {
      return parse(path).snapshot();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ledger " + path, e);
    }
  }

  /** What the file held when opened. */
  Ledger.Snapshot start() {
    return start;
  }

  void accepted(String signal, SignalValue value) {
    write("a\t" + signal + "\t" + encode(value) + "\n");
  }

  void refused(String reason) {
    write("r\t" + oneLine(reason) + "\n");
  }

  public void dtcIntent(DtcHistory.Change change) {
    write("d\t" + change.eventId() + "\t" + change.timeMillis() + "\t" + change.code().code()
        + "\t" + (change.active() ? "set" : "clear") + "\n");
  }

  void dtcKept(DtcHistory.Change change) {
    write("k\t" + change.eventId() + "\n");
  }

  void dtcRefused(DtcHistory.Change change, String reason) {
    write("x\t" + change.eventId() + "\t" + oneLine(reason) + "\n");
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\t\\r\\n]", " ");
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the ledger " + path, e);
    }
  }

  private void write(String line) {
    ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the ledger " + path, e);
    }
  }

  private static String encode(SignalValue value) {
    if (value instanceof SignalValue.Number number) {
      return "n\t" + number.value();
    }
    if (value instanceof SignalValue.Bool bool) {
      return "b\t" + bool.value();
    }
    throw new IllegalArgumentException("the ledger holds numbers and booleans, not " + value);
  }

  private record Parsed(Ledger.Snapshot snapshot, long completeBytes) {}

  private static Parsed parse(Path path) throws IOException {
    if (!Files.exists(path)) {
      return new Parsed(Ledger.Snapshot.EMPTY, 0);
    }
    long end = completeBytes(path);
    long accepted = 0;
    long refused = 0;
    Map<String, SignalValue> last = new HashMap<>();
    List<DtcHistory.Change> dtcs = new ArrayList<>();
    DtcHistory.Change pending = null;
    long intents = 0;
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      long read = 0;
      int lineNumber = 0;
      String line;
      while (read < end && (line = in.readLine()) != null) {
        read += line.getBytes(StandardCharsets.UTF_8).length + 1;
        lineNumber++;
        String[] fields = line.split("\t", -1);
        String where = "ledger " + path + " line " + lineNumber;
        if (fields[0].equals("r")) {
          refused++;
        } else if (fields[0].equals("a") && fields.length == 4) {
          accepted++;
          last.put(fields[1], decode(fields[2], fields[3], where));
        } else if (fields[0].equals("d") && fields.length == 5 && pending == null) {
          pending = dtcChange(fields, where);
          intents++;
        } else if (fields[0].equals("k") && fields.length == 2 && isPending(pending, fields[1])) {
          dtcs.add(pending);
          pending = null;
        } else if (fields[0].equals("x") && fields.length == 3 && isPending(pending, fields[1])) {
          refused++;
          pending = null;
        } else {
          throw new IllegalStateException(where + " is malformed: '" + line + "'"
              + (pending == null ? "" : " (DTC change " + pending.eventId() + " is pending)"));
        }
      }
    }
    return new Parsed(new Ledger.Snapshot(accepted, refused, last,
        new DtcHistory(dtcs, Optional.ofNullable(pending), intents)), end);
  }

  private static boolean isPending(DtcHistory.Change pending, String eventId) {
    return pending != null && pending.eventId().equals(eventId);
  }

  private static DtcHistory.Change dtcChange(String[] fields, String where) {
    try {
      boolean active = switch (fields[4]) {
        case "set" -> true;
        case "clear" -> false;
        default -> throw new IllegalArgumentException("neither set nor clear: '" + fields[4] + "'");
      };
      return new DtcHistory.Change(fields[1], Long.parseLong(fields[2]),
          TroubleCode.of(fields[3]), active);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + " is not a DTC change: " + e.getMessage(), e);
    }
  }

  /** The file's length up to and including its last newline. */
  private static long completeBytes(Path path) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
      long end = file.length();
      while (end > 0) {
        file.seek(end - 1);
        if (file.read() == '\n') {
          break;
        }
        end--;
      }
      return end;
    }
  }

  private static SignalValue decode(String type, String value, String where) {
    switch (type) {
      case "n":
        return SignalValue.of(Double.parseDouble(value));
      case "b":
        return SignalValue.of(Boolean.parseBoolean(value));
      default:
        throw new IllegalStateException(where + " has an unknown value type '" + type + "'");
    }
  }
}
