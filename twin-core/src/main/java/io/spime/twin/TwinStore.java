package io.spime.twin;

import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.ingest.IngestSink;

/**
 * The store of the lifetime twins of a fleet, in all its roles: the {@link TwinJournal}, {@link
 * FleetReads}, {@link CustomerRecords}, {@link CustomerExperience}, {@link CustomerOptIns} ({@link #optIns()}) and the ingest's {@link IngestSink}. Open one with {@link
 * TwinStores}; hand each part of the code the role it uses. Every method may be called from any
 * thread.
 */
public interface TwinStore extends TwinJournal, FleetReads, CustomerRecords, CustomerExperience, IngestSink,
    AutoCloseable {

  /** The store's opt-ins with a purpose and partner pseudonyms. */
  CustomerOptIns optIns();

  /** Closes the store; further calls fail with {@link TwinStoreException}. */
  @Override
  void close();
}
