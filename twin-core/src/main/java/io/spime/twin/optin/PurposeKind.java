package io.spime.twin.optin;

/** What a customer opts in to; the {@link Purpose}'s scope narrows it. */
public enum PurposeKind {
  /** Sending one telemetry category (scope: the {@link io.spime.wire.DataCategory} name). */
  TELEMETRY,
  /** Marketing contact over one channel (scope: the {@link io.spime.twin.experience.Channel} name). */
  MARKETING,
  /** Sharing the customer's data with one named partner (scope: the partner's party id). */
  PARTNER_SHARING,
  /** Service reminders (scope: {@code all}). */
  SERVICE_REMINDERS
}
