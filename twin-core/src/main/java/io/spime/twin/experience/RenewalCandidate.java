package io.spime.twin.experience;

import io.spime.twin.custody.PartyId;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * An agreement due for renewal, with its customer, the experience measured and the risk it makes.
 *
 * @param agreement the agreement
 * @param customer the lessee or subscriber
 * @param start the first day of the agreement's term
 * @param due its renewal date, else its end date
 * @param signals every signal measured, by signal (0 where nothing happened)
 * @param risk the score and its reasons
 */
public record RenewalCandidate(
    AgreementRef agreement, PartyId customer, LocalDate start, LocalDate due, Map<Signal, Long> signals,
    RiskScore risk) {
  public RenewalCandidate {
    Objects.requireNonNull(agreement, "agreement");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(due, "due");
    signals = Map.copyOf(signals);
    Objects.requireNonNull(risk, "risk");
  }
}
