package io.spime.twin.event;

import io.spime.twin.PartyId;
import io.spime.twin.TouchpointKind;
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
}
