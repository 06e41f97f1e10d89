package io.spime.twin.internal.experience;

import io.spime.twin.EventId;
import io.spime.twin.custody.PartyId;
import io.spime.twin.customer.TouchpointKind;
import io.spime.twin.event.TouchpointRecorded;
import io.spime.twin.experience.Channel;
import io.spime.twin.experience.JourneyPhase;
import io.spime.twin.experience.Touchpoint;
import io.spime.twin.experience.TouchpointOutcome;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Maps a {@link TouchpointRecorded} event (four kinds, free-text outcome) to a journey touchpoint. */
public final class LegacyTouchpoints {
  private LegacyTouchpoints() {}

  /** The touchpoint of the event, if it names its customer; its id is {@code ev:<event id>}. */
  public static Optional<Touchpoint> of(EventId id, AssetId vin, Instant at, TouchpointRecorded e) {
    if (e.customer().isEmpty() || e.customer().get().equals(PartyId.ERASED)) {
      return Optional.empty();
    }
    return Optional.of(new Touchpoint("ev:" + id, e.customer().get(), phase(e.kind()), channel(e.kind()), at,
        Optional.of(at), Optional.of(vin), Optional.empty(), outcome(e.outcome())));
  }

  /** Dealer visits and app contacts are ownership; service bookings and support calls are service. */
  public static JourneyPhase phase(TouchpointKind kind) {
    switch (kind) {
      case SERVICE_BOOKING:
      case SUPPORT:
        return JourneyPhase.SERVICE;
      default:
        return JourneyPhase.OWNERSHIP;
    }
  }

  /** Dealer visit: dealer; service booking: workshop; app: app; support: phone. */
  public static Channel channel(TouchpointKind kind) {
    switch (kind) {
      case DEALER_VISIT:
        return Channel.DEALER;
      case SERVICE_BOOKING:
        return Channel.WORKSHOP;
      case APP:
        return Channel.APP;
      default:
        return Channel.PHONE;
    }
  }

  /**
   * Reads the free-text outcome: {@code unanswered} (or {@code no answer}) is unanswered; {@code
   * unresolved}, {@code open} or {@code escalated} is answered and unresolved; anything else is
   * answered and resolved.
   */
  public static TouchpointOutcome outcome(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (t.contains("unanswered") || t.contains("no answer")) {
      return TouchpointOutcome.unanswered();
    }
    if (t.contains("unresolved") || t.contains("open") || t.contains("escalated")) {
      return TouchpointOutcome.answeredNotResolved();
    }
    return TouchpointOutcome.answeredAndResolved();
  }
}
