package io.spime.twin;

import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Viewer;
import io.spime.twin.customer.CustomerProfile;
import io.spime.twin.customer.CustomerRecord;
import io.spime.twin.customer.ErasureReport;
import io.spime.twin.customer.Interaction;
import io.spime.twin.exceptions.CustomerConflictException;
import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.exceptions.UnknownCustomerException;
import io.spime.twin.exceptions.UnknownVehicleException;
import io.spime.wire.AssetId;
import java.util.Optional;

/**
 * Customers and their privacy: master records, interactions, the erasure of a data subject and the
 * export of a car's whole life as the viewer may see it.
 */
public interface CustomerRecords {

  /**
   * Creates (expected version 0) or changes a customer master record.
   *
   * @return the record as stored, with its new version
   * @throws CustomerConflictException if the record is not at the expected version
   * @throws TwinStoreException if the store fails
   */
  CustomerRecord putCustomer(PartyId id, long expectedVersion, CustomerProfile profile);

  /**
   * The customer's master record, if there is one.
   *
   * @throws TwinStoreException if the store fails
   */
  Optional<CustomerRecord> customer(PartyId id);

  /**
   * Adds an interaction to a customer's history.
   *
   * @throws UnknownCustomerException if there is no such customer
   * @throws TwinStoreException if the store fails
   */
  void recordInteraction(PartyId id, Interaction interaction);

  /**
   * Erases a data subject in one transaction: deletes the customer record, removes the subject's
   * personal data from every journal event that carries it (the party reads as {@link
   * PartyId#ERASED}, notes are dropped), deletes the latest personal signal values recorded in the
   * custody epochs the subject held, and rebuilds the affected twins and snapshots. The cars' technical
   * history (lifecycle, service, battery, odometer, DTCs, custody dates) stays.
   *
   * @throws TwinStoreException if the store fails; then nothing was erased
   */
  ErasureReport eraseSubject(PartyId subject);

  /**
   * The car's whole life as one JSON document (the spime record): identity, production, lifecycle,
   * custody epochs, service and repairs, software, diagnostics, battery condition over time, end of life
   * and the battery passport's condition and circularity data. Personal data appears only where the
   * viewer is entitled to it (see {@link Viewer}).
   *
   * @throws UnknownVehicleException if the store has no such vehicle
   * @throws TwinStoreException if the store fails
   */
  String export(AssetId vin, Viewer viewer);
}
