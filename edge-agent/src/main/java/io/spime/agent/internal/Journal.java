package io.spime.agent.internal;

import io.spime.wire.Priority;
import io.spime.wire.telemetry.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The write-ahead journal of accepted samples not yet sealed into the outbox: two memory-mapped
 * segments used in turn. Samples go into the active one; sealing retires it (its generation is then
 * recorded in the outbox in the same transaction as the batches made from it) and the other
 * becomes active under the next generation. Not thread-safe: the caller serialises access.
 */
final class Journal {
  /** Samples of one journal generation found at start. */
  record Recovered(long generation, List<PendingSample> samples) {}

  private final JournalSegment[] segments;
  private int active;

  private Journal(JournalSegment[] segments) {
    this.segments = segments;
  }

  static Journal open(Path directory, int segmentBytes) {
    return new Journal(new JournalSegment[] {
        JournalSegment.open(directory.resolve("journal-0.bin"), segmentBytes),
        JournalSegment.open(directory.resolve("journal-1.bin"), segmentBytes)
    });
  }

  /** Valid records of every generation above {@code sealedGeneration}, oldest generation first. */
  List<Recovered> recover(long sealedGeneration) {
    List<Recovered> found = new ArrayList<>();
    for (JournalSegment segment : segments) {
      if (segment.generation() > sealedGeneration) {
        List<PendingSample> samples = segment.readAll();
        if (!samples.isEmpty()) {
          found.add(new Recovered(segment.generation(), samples));
        }
      }
    }
    found.sort(Comparator.comparingLong(Recovered::generation));
    return found;
  }

  /** The highest generation either segment carries. */
  long highestGeneration() {
    return Math.max(segments[0].generation(), segments[1].generation());
  }

  /** Starts writing under {@code generation}; the other segment holds nothing valid afterwards. */
  void start(long generation) {
    active = 0;
    segments[1].reset(0);
    segments[0].reset(generation);
    segments[0].force();
    segments[1].force();
  }

  long activeGeneration() {
    return segments[active].generation();
  }

  boolean activeIsEmpty() {
    return segments[active].isEmpty();
  }

  /** Fill of the active segment, 0..1. */
  double fill() {
    JournalSegment segment = segments[active];
    return (double) segment.used() / segment.capacity();
  }

  boolean append(Sample sample, Priority priority) {
    return segments[active].append(sample, priority);
  }

  void force() {
    segments[active].force();
  }

  /**
   * Makes the other segment active under {@code nextGeneration}. The retired segment's records stay
   * valid on disk until it becomes active again, which the caller allows only after sealing them.
   */
  void rotate(long nextGeneration) {
    int next = 1 - active;
    segments[next].reset(nextGeneration);
    active = next;
  }

  /** Largest record a segment can hold, in bytes of text. */
  int maxTextBytes() {
    return segments[0].capacity() / 4;
  }
}
