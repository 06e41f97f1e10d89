package io.spime.wire.internal;

import io.spime.proto.v1.CategoryConsent;
import io.spime.proto.v1.SignalRule.Mode;
import io.spime.wire.DataCategory;
import io.spime.wire.MalformedPayloadException;
import io.spime.wire.Priority;
import io.spime.wire.UnknownSignalException;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.state.CollectionMode;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.ConsentSet;
import io.spime.wire.state.SignalRule;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Collection policy and consent between their records and protobuf. */
public final class PolicyProtos {
  /** Longest minimum interval on the wire (unsigned 32-bit milliseconds); longer ones are capped. */
  private static final long MAX_INTERVAL_MS = 0xFFFF_FFFFL;

  private PolicyProtos() {}

  public static io.spime.proto.v1.CollectionPolicy encode(CollectionPolicy policy) {
    io.spime.proto.v1.CollectionPolicy.Builder out =
        io.spime.proto.v1.CollectionPolicy.newBuilder().setVersion((int) policy.version());
    policy.rules().forEach((id, rule) -> {
      io.spime.proto.v1.SignalRule.Builder proto = io.spime.proto.v1.SignalRule.newBuilder()
          .setSignalId(id).setDeadband(rule.deadband())
          .setMinIntervalMs((int) Math.min(MAX_INTERVAL_MS, rule.minInterval().toMillis()))
          .setMode(mode(rule.mode()));
      rule.priority().ifPresent(p -> proto.setPriorityValue(Enums.number(p)));
      out.addRules(proto);
    });
    return out.build();
  }

  /**
   * A checked policy; {@code what} names the message it came in.
   *
   * @throws UnknownSignalException for a rule of a signal the catalog does not have
   * @throws MalformedPayloadException for an unknown mode or priority, a bad deadband, two rules
   *     of one signal
   */
  public static CollectionPolicy decode(
      io.spime.proto.v1.CollectionPolicy proto, SignalCatalog catalog, String what) {
    Map<Integer, SignalRule> rules = new HashMap<>();
    for (io.spime.proto.v1.SignalRule rule : proto.getRulesList()) {
      int id = rule.getSignalId();
      String ruleWhat = what + ": policy rule for signal " + Integer.toUnsignedString(id);
      if (catalog.byId(id).isEmpty()) {
        throw new UnknownSignalException(what + ": policy rule for signal id "
            + Integer.toUnsignedString(id) + " which catalog v" + catalog.version()
            + " does not have");
      }
      CollectionMode mode = switch (rule.getMode()) {
        case MODE_ON_CHANGE -> CollectionMode.ON_CHANGE;
        case MODE_PERIODIC -> CollectionMode.PERIODIC;
        case MODE_OFF -> CollectionMode.OFF;
        case MODE_UNSPECIFIED -> CollectionMode.EVERY_SAMPLE;
        default -> throw new MalformedPayloadException(
            ruleWhat + " has unknown mode " + rule.getModeValue());
      };
      Optional<Priority> priority = Enums.priority(rule.getPriorityValue(), ruleWhat);
      SignalRule decoded;
      try {
        decoded = new SignalRule(mode, rule.getDeadband(),
            Duration.ofMillis(Integer.toUnsignedLong(rule.getMinIntervalMs())), priority);
      } catch (IllegalArgumentException e) {
        throw new MalformedPayloadException(ruleWhat + ": " + e.getMessage(), e);
      }
      if (rules.put(id, decoded) != null) {
        throw new MalformedPayloadException(what + ": policy has two rules for signal " + id);
      }
    }
    return new CollectionPolicy(Integer.toUnsignedLong(proto.getVersion()), rules);
  }

  public static io.spime.proto.v1.ConsentSet encode(ConsentSet consent) {
    io.spime.proto.v1.ConsentSet.Builder out = io.spime.proto.v1.ConsentSet.newBuilder();
    for (DataCategory category : DataCategory.values()) {
      out.addCategories(CategoryConsent.newBuilder()
          .setCategoryValue(Enums.number(category)).setGranted(consent.allows(category)));
    }
    return out.build();
  }

  /** Checked consent: every category named must be known; {@code what} names the message. */
  public static ConsentSet decode(io.spime.proto.v1.ConsentSet proto, String what) {
    Set<DataCategory> granted = EnumSet.noneOf(DataCategory.class);
    for (CategoryConsent consent : proto.getCategoriesList()) {
      DataCategory category = Enums.category(consent.getCategoryValue(), what + ": consent");
      if (consent.getGranted()) {
        granted.add(category);
      }
    }
    return new ConsentSet(granted);
  }

  private static Mode mode(CollectionMode mode) {
    return switch (mode) {
      case EVERY_SAMPLE -> Mode.MODE_UNSPECIFIED;
      case ON_CHANGE -> Mode.MODE_ON_CHANGE;
      case PERIODIC -> Mode.MODE_PERIODIC;
      case OFF -> Mode.MODE_OFF;
    };
  }
}
