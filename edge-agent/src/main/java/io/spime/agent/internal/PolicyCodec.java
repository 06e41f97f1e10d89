package io.spime.agent.internal;

import io.spime.proto.v1.CategoryConsent;
import io.spime.proto.v1.SignalRule.Mode;
import io.spime.wire.CollectionMode;
import io.spime.wire.CollectionPolicy;
import io.spime.wire.ConsentSet;
import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import io.spime.wire.SignalCatalog;
import io.spime.wire.SignalRule;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Collection policy and consent between their records and protobuf. */
final class PolicyCodec {
  private PolicyCodec() {}

  /** @throws DownlinkException naming a rule that is not valid for this catalog */
  static CollectionPolicy decode(io.spime.proto.v1.CollectionPolicy proto, SignalCatalog catalog) {
    Map<Integer, SignalRule> rules = new HashMap<>();
    for (io.spime.proto.v1.SignalRule rule : proto.getRulesList()) {
      int id = rule.getSignalId();
      if (catalog.byId(id).isEmpty()) {
        throw new DownlinkException("policy rule for signal id " + id + " which catalog v"
            + catalog.version() + " does not have");
      }
      SignalRule decoded;
      try {
        decoded = switch (rule.getMode()) {
          case MODE_ON_CHANGE -> SignalRule.onChange(rule.getDeadband());
          case MODE_PERIODIC -> SignalRule.periodic(Duration.ofMillis(Integer.toUnsignedLong(rule.getMinIntervalMs())));
          case MODE_OFF -> SignalRule.off();
          case MODE_UNSPECIFIED -> SignalRule.everySample();
          default -> throw new DownlinkException("policy rule for signal " + id + " has unknown mode " + rule.getModeValue());
        };
      } catch (IllegalArgumentException e) {
        throw new DownlinkException("policy rule for signal " + id + ": " + e.getMessage());
      }
      Optional<Priority> priority = priority(rule.getPriorityValue(), "policy rule for signal " + id);
      if (priority.isPresent()) {
        decoded = decoded.withPriority(priority.get());
      }
      if (rules.put(id, decoded) != null) {
        throw new DownlinkException("policy has two rules for signal " + id);
      }
    }
    return new CollectionPolicy(Integer.toUnsignedLong(proto.getVersion()), rules);
  }

  static io.spime.proto.v1.CollectionPolicy encode(CollectionPolicy policy) {
    io.spime.proto.v1.CollectionPolicy.Builder out =
        io.spime.proto.v1.CollectionPolicy.newBuilder().setVersion((int) policy.version());
    policy.rules().forEach((id, rule) -> {
      io.spime.proto.v1.SignalRule.Builder proto = io.spime.proto.v1.SignalRule.newBuilder()
          .setSignalId(id).setDeadband(rule.deadband())
          .setMinIntervalMs((int) Math.min(Integer.MAX_VALUE, rule.minInterval().toMillis()))
          .setMode(mode(rule.mode()));
      rule.priority().ifPresent(p -> proto.setPriorityValue(p.ordinal() + 1));
      out.addRules(proto);
    });
    return out.build();
  }

  static ConsentSet decode(io.spime.proto.v1.ConsentSet proto) {
    Set<DataCategory> granted = EnumSet.noneOf(DataCategory.class);
    for (CategoryConsent consent : proto.getCategoriesList()) {
      int value = consent.getCategoryValue();
      if (value < 1 || value > DataCategory.values().length) {
        throw new DownlinkException("consent for unknown data category " + value);
      }
      if (consent.getGranted()) {
        granted.add(DataCategory.values()[value - 1]);
      }
    }
    return new ConsentSet(granted);
  }

  static io.spime.proto.v1.ConsentSet encode(ConsentSet consent) {
    io.spime.proto.v1.ConsentSet.Builder out = io.spime.proto.v1.ConsentSet.newBuilder();
    for (DataCategory category : DataCategory.values()) {
      out.addCategories(CategoryConsent.newBuilder()
          .setCategoryValue(category.ordinal() + 1).setGranted(consent.allows(category)));
    }
    return out.build();
  }

  static Optional<Priority> priority(int value, String what) {
    if (value == 0) {
      return Optional.empty();
    }
    if (value < 0 || value > Priority.values().length) {
      throw new DownlinkException(what + " has unknown priority " + value);
    }
    return Optional.of(Priority.values()[value - 1]);
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
