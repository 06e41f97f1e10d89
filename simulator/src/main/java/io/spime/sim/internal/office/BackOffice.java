package io.spime.sim.internal.office;

import io.spime.sim.internal.verify.RenewalCheck;
import io.spime.wire.AssetId;
import java.util.List;
import java.util.Optional;

/**
 * What a scenario does on the back end while the cars drive — rent them out, live their lives — and
 * what it checks at the end. {@link #start} and {@link #finish} are called from the run's own thread,
 * {@link #tick} from a thread of its own ({@link OfficeTicks}), never two at once.
 */
public interface BackOffice {
  /** Before the cars drive: put them in the twin store as the scenario needs them. */
  void start(List<AssetId> cars, long nowMillis);

  /** About once a second while the cars drive; by default nothing. */
  default void tick(long nowMillis) {}

  /** After driving, before the outboxes drain: finish what is under way; by default nothing. */
  default void finish(long nowMillis) {}

  /** After the drain: one line per broken promise; empty when all held (by default: checks nothing). */
  default List<String> violations() {
    return List.of();
  }

  /** One line for the console summary; empty for none (the default). */
  default String summary() {
    return "";
  }

  /** After {@link #finish}: how the renewal ranking held up, for an office that checks one (by default none). */
  default Optional<RenewalCheck> renewals() {
    return Optional.empty();
  }

  /** No back office: a running spime-cloud's store is not the run's to write ({@code --cloud}). */
  static BackOffice none() {
    return (cars, nowMillis) -> { };
  }
}
