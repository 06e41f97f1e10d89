package io.spime.cloud.sync;

/** Why the ingest refused a message. Each is counted in {@link IngestStats}. */
public enum RejectReason {
  /** The topic is not a v1 vehicle topic, or its VIN level is not a VIN. */
  INVALID_TOPIC,
  /** The payload exceeds its topic's size limit, or would take more heap to decode than its budget. */
  OVERSIZED,
  /** The payload is not valid protobuf of its message, truncated, or inconsistent. */
  MALFORMED,
  /** The payload's VIN is not a valid VIN. */
  INVALID_VIN,
  /** The payload's VIN differs from the topic's. */
  VIN_MISMATCH,
  /** The payload names a signal catalog version the cloud does not have. */
  UNSUPPORTED_CATALOG,
  /** The payload carries a signal id the catalog does not have. */
  UNKNOWN_SIGNAL,
  /** A time in the message is before 2000 or more than a day ahead of the cloud's clock. */
  IMPLAUSIBLE_TIME,
  /** The store refused or failed the write; the message was not acked and will come again. */
  STORE_FAILURE
}
