package io.spime.sim.internal;

import io.spime.wire.Vin;
import java.util.List;

/**
 * What a scenario does on the back end while the cars drive — rent them out, live their lives — and
 * what it checks at the end. {@link #start} and {@link #finish} are called from the run's own thread,
 * {@link #tick} from a thread of its own ({@link OfficeTicks}), never two at once.
 */
interface BackOffice {
  /** Before the cars drive: put them in the twin store as the scenario needs them. */
  void start(List<Vin> cars, long nowMillis);

  /** About once a second while the cars drive. */
  void tick(long nowMillis);

  /** After driving, before the outboxes drain: finish what is under way. */
  void finish(long nowMillis);

  /** After the drain: one line per broken promise; empty when all held. */
  List<String> violations();

  /** One line for the console summary; empty for none. */
  String summary();
}
