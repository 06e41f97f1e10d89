package io.spime.twin.lifecycle;

import io.spime.wire.AssetKind;
import io.spime.wire.IdScheme;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where the asset is in its life. Moves: PRODUCED → IN_TRANSIT → IN_STOCK → IN_SERVICE ⇄ OFF_ROAD →
 * DEREGISTERED → DISMANTLED → RECYCLED; nothing else (see {@code docs/lifecycle.md}). Bicycles,
 * e-bikes and e-scooters (frame-numbered kinds) are never registered, so they skip DEREGISTERED:
 * OFF_ROAD → DISMANTLED ({@link #appliesTo}, {@link #next(AssetKind)}).
 */
public enum LifecyclePhase {
  PRODUCED,
  IN_TRANSIT,
  IN_STOCK,
  IN_SERVICE,
  OFF_ROAD,
  DEREGISTERED,
  DISMANTLED,
  RECYCLED;

  /** The phases this one may move to. */
  public Set<LifecyclePhase> next() {
    switch (this) {
      case PRODUCED:
        return EnumSet.of(IN_TRANSIT);
      case IN_TRANSIT:
        return EnumSet.of(IN_STOCK);
      case IN_STOCK:
        return EnumSet.of(IN_SERVICE);
      case IN_SERVICE:
        return EnumSet.of(OFF_ROAD);
      case OFF_ROAD:
        return EnumSet.of(IN_SERVICE, DEREGISTERED);
      case DEREGISTERED:
        return EnumSet.of(DISMANTLED);
      case DISMANTLED:
        return EnumSet.of(RECYCLED);
      default:
        return EnumSet.noneOf(LifecyclePhase.class);
    }
  }

  /** Whether the car may move from this phase to the other. */
  public boolean canMoveTo(LifecyclePhase other) {
    return next().contains(other);
  }

  /** Whether an asset of this kind ever is in this phase. */
  public boolean appliesTo(AssetKind kind) {
    return this != DEREGISTERED || kind.scheme() != IdScheme.FRAME_NUMBER;
  }

  /** The phases an asset of this kind may move to from this one. */
  public Set<LifecyclePhase> next(AssetKind kind) {
    Set<LifecyclePhase> next = EnumSet.noneOf(LifecyclePhase.class);
    for (LifecyclePhase phase : next()) {
      if (phase.appliesTo(kind)) {
        next.add(phase);
      } else {
        next.addAll(phase.next(kind));
      }
    }
    return next;
  }
}
