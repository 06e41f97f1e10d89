package io.spime.twin.internal.model;

import io.spime.twin.custody.CustodyEpoch;
import io.spime.twin.custody.CustodyHolder;
import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.Subscription;
import io.spime.twin.event.CustodyEnded;
import io.spime.twin.event.CustodyStarted;
import io.spime.twin.event.SubscriptionEnded;
import io.spime.twin.event.SubscriptionRenewed;
import io.spime.twin.event.SubscriptionStarted;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.exceptions.IllegalTransitionException;
import io.spime.twin.exceptions.InvalidEventException;
import io.spime.twin.lifecycle.LifecyclePhase;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The fold's rules for custody epochs and subscriptions. */
final class CustodyRules {
  private static final Set<LifecyclePhase> CUSTODY_PHASES =
      EnumSet.of(LifecyclePhase.IN_SERVICE);
  private static final Set<LifecyclePhase> CUSTODY_END_PHASES =
      EnumSet.of(LifecyclePhase.IN_SERVICE, LifecyclePhase.OFF_ROAD, LifecyclePhase.DEREGISTERED);

  private final TwinState s;

  CustodyRules(TwinState s) {
    this.s = s;
  }

  void custodyStarted(Instant at, CustodyStarted c) {
    if (!CUSTODY_PHASES.contains(s.phase)) {
      throw new IllegalTransitionException(s.phase(), "start custody " + c.role(),
          "custody changes hands only while the car is IN_SERVICE");
    }
    Map<CustodyRole, CustodyHolder> holders = currentHolders();
    holders.put(c.role(), new CustodyHolder(c.party(), c.term()));
    nextEpoch(at, holders);
  }

  void custodyEnded(Instant at, CustodyEnded c) {
    if (!CUSTODY_END_PHASES.contains(s.phase)) {
      throw new IllegalTransitionException(s.phase(), "end custody " + c.role(),
          "custody ends only while the car is IN_SERVICE, OFF_ROAD or DEREGISTERED");
    }
    Map<CustodyRole, CustodyHolder> holders = currentHolders();
    if (holders.remove(c.role()) == null) {
      throw new InvalidEventException("cannot end custody " + c.role() + " of " + s.vin + ": nobody holds it");
    }
    nextEpoch(at, holders);
  }

  private Map<CustodyRole, CustodyHolder> currentHolders() {
    CustodyEpoch open = s.openEpoch();
    Map<CustodyRole, CustodyHolder> holders = new EnumMap<>(CustodyRole.class);
    if (open != null) {
      holders.putAll(open.holders());
    }
    return holders;
  }

  private void nextEpoch(Instant at, Map<CustodyRole, CustodyHolder> holders) {
    CustodyEpoch open = s.openEpoch();
    if (open != null) {
      s.custody.set(s.custody.size() - 1,
          new CustodyEpoch(open.number(), open.from(), Optional.of(at), open.holders()));
    }
    if (!holders.isEmpty()) {
      int number = s.custody.isEmpty() ? 1 : s.custody.get(s.custody.size() - 1).number() + 1;
      s.custody.add(new CustodyEpoch(number, at, Optional.empty(), holders));
    }
  }

  void subscription(TwinEvent event) {
    if (event instanceof SubscriptionStarted) {
      SubscriptionStarted st = (SubscriptionStarted) event;
      if (s.subscriptions.containsKey(st.subscriptionId())) {
        throw new InvalidEventException("subscription " + st.subscriptionId() + " of " + s.vin + " exists already");
      }
      s.subscriptions.put(st.subscriptionId(),
          new Subscription(st.subscriptionId(), st.product(), st.subscriber(), st.term(), true));
      return;
    }
    String id = event instanceof SubscriptionRenewed
        ? ((SubscriptionRenewed) event).subscriptionId()
        : ((SubscriptionEnded) event).subscriptionId();
    Subscription current = s.subscriptions.get(id);
    if (current == null || !current.active()) {
      throw new InvalidEventException("subscription " + id + " of " + s.vin + " is not active");
    }
    if (event instanceof SubscriptionRenewed) {
      s.subscriptions.put(id, new Subscription(id, current.product(), current.subscriber(),
          ((SubscriptionRenewed) event).term(), true));
    } else {
      s.subscriptions.put(id, new Subscription(id, current.product(), current.subscriber(), current.term(), false));
    }
  }
}
