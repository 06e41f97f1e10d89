package io.spime.twin.customer;

import io.spime.twin.custody.PartyId;
import java.util.Objects;

/**
 * What erasing a data subject removed.
 *
 * @param subject the erased party
 * @param customerRecordDeleted whether a customer record existed and was deleted
 * @param eventsRedacted journal events whose personal data was removed
 * @param vehiclesAffected vehicles whose twin was rebuilt
 * @param telemetryValuesDeleted latest personal signal values from the subject's custody epochs deleted
 * @param carRecordsDeleted car events of personal categories that happened, and quarantined uplink
 *     messages that were received, in the subject's custody epochs, deleted
 */
public record ErasureReport(
    PartyId subject, boolean customerRecordDeleted, int eventsRedacted, int vehiclesAffected, int telemetryValuesDeleted,
    int carRecordsDeleted) {
  public ErasureReport {
    Objects.requireNonNull(subject, "subject");
  }
}
