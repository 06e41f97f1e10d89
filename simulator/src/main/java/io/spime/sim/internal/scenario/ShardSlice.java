package io.spime.sim.internal.scenario;

/**
 * The {@code index}-th of {@code count} slices of a seeded fleet ({@code --shard 2/3}): cars {@link
 * #from} to {@link #to} of the fleet, so that N processes on N machines run one fleet between them.
 *
 * @param index which slice, 1 to {@code count}
 * @param count how many slices the fleet is cut into
 */
public record ShardSlice(int index, int count) {
  public ShardSlice {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "--shard must be i/N with 1 <= i <= N, was " + index + "/" + count);
    }
  }

  /**
   * Parses {@code i/N}.
   *
   * @throws IllegalArgumentException naming the option when it is not {@code i/N}
   */
  public static ShardSlice parse(String text) {
    String[] parts = text.strip().split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("--shard must be i/N, like 2/3, was '" + text + "'");
    }
    try {
      return new ShardSlice(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--shard must be i/N, like 2/3, was '" + text + "'", e);
    }
  }

  /** The first car of the slice (its index in the fleet). */
  public int from(int vehicles) {
    return (int) ((long) (index - 1) * vehicles / count);
  }

  /** One past the last car of the slice. */
  public int to(int vehicles) {
    return (int) ((long) index * vehicles / count);
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
