package io.spime.twin.event;

import io.spime.twin.battery.RecoveredMaterial;
import java.util.List;
import java.util.Objects;

/**
 * The remains were recycled; the phase becomes RECYCLED, the last one.
 *
 * @param recycler who recycled them
 * @param recovered materials recovered
 */
public record Recycled(String recycler, List<RecoveredMaterial> recovered) implements TwinEvent {
  public Recycled {
    Objects.requireNonNull(recycler, "recycler");
    recovered = List.copyOf(recovered);
  }
}
