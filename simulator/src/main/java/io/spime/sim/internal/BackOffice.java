package io.spime.sim.internal;

import io.spime.wire.Vin;
import java.util.List;

/**
 * What a scenario does on the back end while the cars drive — rent them out, live their lives — and
 * what it checks at the end. Called from the run's own thread.
 */
interface BackOffice {
  /** Does nothing and checks nothing: the scenarios that only drive. */
  BackOffice NONE = new BackOffice() {
    @Override
    public void start(List<Vin> cars, long nowMillis) {}

    @Override
    public void tick(long nowMillis) {}

    @Override
    public void finish(long nowMillis) {}

    @Override
    public List<String> violations() {
      return List.of();
    }

    @Override
    public String summary() {
      return "";
    }
  };

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
