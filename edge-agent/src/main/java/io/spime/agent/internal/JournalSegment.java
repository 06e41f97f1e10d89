package io.spime.agent.internal;

import io.spime.agent.OutboxException;
import io.spime.wire.Priority;
import io.spime.wire.files.OwnerOnlyFiles;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * One memory-mapped journal file. A write into the mapping is in the kernel's page cache the
 * moment it returns, so it survives the process being killed; {@link #force()} makes it survive a
 * power cut too. Layout: a 16-byte header (magic, allocation mark, generation) then records
 * {@code [int length][int crc32c(generation, body)][body]}; a record whose CRC does not match ends
 * the segment, so a record torn by a crash, or left over from an older generation, is never read
 * as valid.
 */
final class JournalSegment {
  static final int HEADER_BYTES = 16;
  private static final int MAGIC = 0x53504a31; // "SPJ1"
  private static final int RECORD_OVERHEAD = 8;
  private static final int ALLOCATION_CHUNK = 64 * 1024;
  /** Header int at offset 4 once the file was written out in full ("ALLC"); 0 in older files. */
  private static final int ALLOCATED = 0x414c4c43;
  private static final byte NUMBER = 0;
  private static final byte BOOL = 1;
  private static final byte TEXT = 2;
  private static final Priority[] PRIORITIES = Priority.values();

  private final Path file;
  private final MappedByteBuffer map;
  private final CRC32C crc = new CRC32C();
  private final ByteBuffer generationBytes = ByteBuffer.allocate(8);
  private long generation;
  private int position = HEADER_BYTES;

  private JournalSegment(Path file, MappedByteBuffer map) {
    this.file = file;
    this.map = map;
  }

  static JournalSegment open(Path file, int bytes) {
    try (FileChannel channel = FileChannel.open(file, java.util.Set.of(
        StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
        OwnerOnlyFiles.fileAttributes())) {
      if (!allocatedBefore(channel, bytes)) {
        allocate(channel, bytes);
      }
      MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes);
      JournalSegment segment = new JournalSegment(file, map);
      segment.generation = map.getInt(0) == MAGIC ? map.getLong(8) : 0;
      return segment;
    } catch (IOException e) {
      throw new OutboxException("cannot allocate the journal file " + file + " (" + bytes
          + " bytes; is the disk full?): " + e.getMessage(), e);
    }
  }

  /** Whether an earlier open wrote this file out in full (its header says so and its size is right). */
  private static boolean allocatedBefore(FileChannel channel, int bytes) throws IOException {
    if (channel.size() != bytes) {
      return false;
    }
    ByteBuffer header = ByteBuffer.allocate(8);
    while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
      // the magic and the allocation mark
    }
    return !header.hasRemaining() && header.getInt(0) == MAGIC && header.getInt(4) == ALLOCATED;
  }

  /**
   * Writes every byte of the file (its own bytes where it has them, zeros past its end), so the
   * file system allocates all its blocks now and syncs them: a full disk is then an IOException
   * here, at start, and never a SIGBUS (a dead JVM) on a later write into the mapping. A file an
   * older version made sparse gets its holes filled the same way; the header then marks the file
   * as written out, so later starts skip this (no 8 MiB of flash writes at every start).
   */
  private static void allocate(FileChannel channel, int bytes) throws IOException {
    if (channel.size() > bytes) {
      channel.truncate(bytes);
    }
    long existing = channel.size();
    ByteBuffer chunk = ByteBuffer.allocate(ALLOCATION_CHUNK);
    for (long at = 0; at < bytes; at += ALLOCATION_CHUNK) {
      int length = (int) Math.min(ALLOCATION_CHUNK, bytes - at);
      java.util.Arrays.fill(chunk.array(), (byte) 0);
      chunk.clear().limit(length);
      while (at + chunk.position() < existing && chunk.hasRemaining()
          && channel.read(chunk, at + chunk.position()) > 0) {
        // reads the file's own bytes; what lies past its end stays zero
      }
      chunk.clear().limit(length);
      while (chunk.hasRemaining()) {
        channel.write(chunk, at + chunk.position());
      }
    }
    channel.force(true);
  }

  long generation() {
    return generation;
  }

  boolean isEmpty() {
    return position == HEADER_BYTES;
  }

  int used() {
    return position;
  }

  int capacity() {
    return map.capacity();
  }

  /** Starts the segment over under a new generation; older records stop being valid at once. */
  void reset(long newGeneration) {
    generation = newGeneration;
    position = HEADER_BYTES;
    map.putLong(8, newGeneration);
    map.putInt(4, ALLOCATED); // reset only ever runs on a segment open() wrote out in full
    map.putInt(0, MAGIC);
    map.putInt(HEADER_BYTES, 0);
  }

  /** Appends one sample; false if it does not fit in what is left of the segment. */
  boolean append(Sample sample, Priority priority) {
    SignalValue value = sample.value();
    byte[] text = value instanceof SignalValue.Text t ? t.value().getBytes(StandardCharsets.UTF_8) : null;
    int body = 4 + 8 + 1 + 1 + (text != null ? 4 + text.length : value instanceof SignalValue.Bool ? 1 : 8);
    int end = position + RECORD_OVERHEAD + body;
    if (end + 4 > map.capacity()) {
      return false;
    }
    int start = position + RECORD_OVERHEAD;
    map.putInt(start, sample.signalId());
    map.putLong(start + 4, sample.timeMillis());
    map.put(start + 12, (byte) priority.ordinal());
    if (value instanceof SignalValue.Number number) {
      map.put(start + 13, NUMBER);
      map.putDouble(start + 14, number.value());
    } else if (value instanceof SignalValue.Bool bool) {
      map.put(start + 13, BOOL);
      map.put(start + 14, (byte) (bool.value() ? 1 : 0));
    } else {
      map.put(start + 13, TEXT);
      map.putInt(start + 14, text.length);
      map.put(start + 18, text);
    }
    map.putInt(end, 0);
    map.putInt(position + 4, checksum(start, body));
    map.putInt(position, body);
    position = end;
    return true;
  }

  /** Writes the segment's dirty pages to the device (msync). */
  void force() {
    map.force();
  }

  /** Reads every valid record of the current generation, stopping at the first invalid one. */
  List<PendingSample> readAll() {
    List<PendingSample> out = new ArrayList<>();
    if (map.getInt(0) != MAGIC) {
      return out;
    }
    int at = HEADER_BYTES;
    while (at + RECORD_OVERHEAD <= map.capacity()) {
      int body = map.getInt(at);
      if (body < 14 || at + RECORD_OVERHEAD + body > map.capacity()) {
        break;
      }
      int start = at + RECORD_OVERHEAD;
      if (map.getInt(at + 4) != checksum(start, body)) {
        break;
      }
      PendingSample sample = decode(start, body);
      if (sample == null) {
        break;
      }
      out.add(sample);
      at = start + body;
    }
    position = at;
    return out;
  }

  Path file() {
    return file;
  }

  private PendingSample decode(int start, int body) {
    try {
      int signalId = map.getInt(start);
      long time = map.getLong(start + 4);
      int priority = map.get(start + 12);
      byte kind = map.get(start + 13);
      if (signalId < 1 || priority < 0 || priority >= PRIORITIES.length) {
        return null;
      }
      SignalValue value;
      if (kind == NUMBER && body == 22) {
        double number = map.getDouble(start + 14);
        if (!Double.isFinite(number)) {
          return null;
        }
        value = new SignalValue.Number(number);
      } else if (kind == BOOL && body == 15) {
        value = new SignalValue.Bool(map.get(start + 14) != 0);
      } else if (kind == TEXT && map.getInt(start + 14) >= 0 && body == 18 + map.getInt(start + 14)) {
        byte[] bytes = new byte[body - 18];
        map.get(start + 18, bytes);
        value = new SignalValue.Text(new String(bytes, StandardCharsets.UTF_8));
      } else {
        return null;
      }
      return new PendingSample(new Sample(signalId, time, value), PRIORITIES[priority]);
    } catch (IndexOutOfBoundsException | BufferUnderflowException e) {
      return null;
    }
  }

  private int checksum(int start, int length) {
    crc.reset();
    crc.update(generationBytes.clear().putLong(0, generation));
    crc.update(map.slice(start, length));
    return (int) crc.getValue();
  }
}
