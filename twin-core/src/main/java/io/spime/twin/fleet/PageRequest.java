package io.spime.twin.fleet;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a fleet query to read.
 *
 * @param size at most this many vehicles, 1 to 10,000
 * @param cursor where the previous page ended ({@link FleetPage#next()}); empty for the first page
 */
public record PageRequest(int size, Optional<String> cursor) {
  public PageRequest {
    if (size < 1 || size > 10_000) {
      throw new IllegalArgumentException("page size must be between 1 and 10000, was " + size);
    }
    Objects.requireNonNull(cursor, "cursor");
  }

  /** The first page of this size. */
  public static PageRequest first(int size) {
    return new PageRequest(size, Optional.empty());
  }

  /** The page after the one whose cursor this is. */
  public static PageRequest after(String cursor, int size) {
    return new PageRequest(size, Optional.of(cursor));
  }
}
