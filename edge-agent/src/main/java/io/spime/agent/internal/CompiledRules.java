package io.spime.agent.internal;

import io.spime.wire.Priority;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import io.spime.wire.state.CollectionMode;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.ConsentSet;
import io.spime.wire.state.SignalRule;

/** Policy and consent turned into arrays indexed by signal id, for the record path. Immutable. */
final class CompiledRules {
  final CollectionPolicy policy;
  final ConsentSet consent;
  final boolean[] consented;
  final CollectionMode[] modes;
  final double[] deadbands;
  final long[] minIntervalMillis;
  final Priority[] priorities;

  CompiledRules(SignalCatalog catalog, CollectionPolicy policy, ConsentSet consent) {
    this.policy = policy;
    this.consent = consent;
    int size = 1;
    for (SignalDefinition signal : catalog.signals()) {
      size = Math.max(size, signal.id() + 1);
    }
    consented = new boolean[size];
    modes = new CollectionMode[size];
    deadbands = new double[size];
    minIntervalMillis = new long[size];
    priorities = new Priority[size];
    for (SignalDefinition signal : catalog.signals()) {
      int id = signal.id();
      SignalRule rule = policy.ruleFor(id);
      consented[id] = consent.allows(signal.category());
      modes[id] = rule.mode();
      deadbands[id] = rule.deadband();
      minIntervalMillis[id] = rule.minInterval().toMillis();
      priorities[id] = rule.priority().orElse(signal.priority());
    }
  }
}
