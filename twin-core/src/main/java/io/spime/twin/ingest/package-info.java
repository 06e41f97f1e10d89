/**
 * The store as the ingest writes it: the {@link io.spime.twin.ingest.IngestSink} role and the values
 * it takes and gives ({@link io.spime.twin.ingest.UplinkMessage}, {@link
 * io.spime.twin.ingest.UplinkApplyResult}, stream progress, quarantined and refused messages). Used by
 * the cloud-sync module; OEM back-end code rarely needs it.
 */
@NullMarked
package io.spime.twin.ingest;

import org.jspecify.annotations.NullMarked;
