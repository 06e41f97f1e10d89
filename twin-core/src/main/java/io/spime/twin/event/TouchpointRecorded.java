package io.spime.twin.event;

import io.spime.twin.custody.PartyId;
import io.spime.twin.customer.TouchpointKind;
import java.util.Objects;
import java.util.Optional;

/**
 * The maker or a partner met the customer about this car. The customer and the note are personal
 * data of that customer.
 *
 * @param kind dealer visit, service booking, app, support
 * @param customer the customer, if known
 * @param outcome the outcome, such as {@code booked}, {@code resolved}
 * @param note free text
 */
public record TouchpointRecorded(
    TouchpointKind kind, Optional<PartyId> customer, String outcome, Optional<String> note)
    implements TwinEvent {
  public TouchpointRecorded {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(note, "note");
  }

  @Override
  public Optional<PartyId> subject() {
    return customer;
  }

  @Override
  public TwinEvent erased() {
    return new TouchpointRecorded(kind, customer.map(c -> PartyId.ERASED), outcome, Optional.empty());
  }

  /** A touchpoint with no known customer and no note. */
  public static TouchpointRecorded of(TouchpointKind kind, String outcome) {
    return new TouchpointRecorded(kind, Optional.empty(), outcome, Optional.empty());
  }

  /** The same touchpoint with the customer met. */
  public TouchpointRecorded withCustomer(PartyId party) {
    return new TouchpointRecorded(kind, Optional.of(party), outcome, note);
  }

  /** The same touchpoint with a free-text note (personal data of the customer). */
  public TouchpointRecorded withNote(String text) {
    return new TouchpointRecorded(kind, customer, outcome, Optional.of(text));
  }
}
