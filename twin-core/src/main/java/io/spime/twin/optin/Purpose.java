package io.spime.twin.optin;

import io.spime.twin.custody.PartyId;
import io.spime.twin.experience.Channel;
import io.spime.wire.DataCategory;
import java.util.Objects;

/**
 * The purpose of an opt-in: its kind and what the kind is narrowed to. Build one with the factories.
 *
 * @param kind what is agreed to
 * @param scope the data category, channel, partner id, or {@code all} for service reminders
 */
public record Purpose(PurposeKind kind, String scope) {
  private static final String ALL = "all";

  /**
   * @throws IllegalArgumentException if the scope does not fit the kind
   */
  public Purpose {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(scope, "scope");
    try {
      switch (kind) {
        case TELEMETRY -> DataCategory.valueOf(scope);
        case MARKETING -> Channel.valueOf(scope);
        case PARTNER_SHARING -> PartyId.of(scope);
        case SERVICE_REMINDERS -> {
          if (!scope.equals(ALL)) {
            throw new IllegalArgumentException("not all");
          }
        }
        default -> throw new IllegalArgumentException(kind.name());
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("scope '" + scope + "' does not fit purpose " + kind + ": " + expected(kind));
    }
  }

  /** Sending one telemetry category. */
  public static Purpose telemetry(DataCategory category) {
    return new Purpose(PurposeKind.TELEMETRY, category.name());
  }

  /** Marketing contact over one channel. */
  public static Purpose marketing(Channel channel) {
    return new Purpose(PurposeKind.MARKETING, channel.name());
  }

  /** Sharing the customer's data with this partner. */
  public static Purpose sharingWith(PartyId partner) {
    return new Purpose(PurposeKind.PARTNER_SHARING, partner.value());
  }

  /** Service reminders. */
  public static Purpose serviceReminders() {
    return new Purpose(PurposeKind.SERVICE_REMINDERS, ALL);
  }

  /** What a scope of this kind must be, for error messages. */
  public static String expected(PurposeKind kind) {
    return switch (kind) {
      case TELEMETRY -> "a data category";
      case MARKETING -> "a channel";
      case PARTNER_SHARING -> "a partner's party id";
      case SERVICE_REMINDERS -> "'" + ALL + "'";
    };
  }

  @Override
  public String toString() {
    return kind + ":" + scope;
  }
}
