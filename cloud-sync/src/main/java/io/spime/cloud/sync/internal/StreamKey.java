package io.spime.cloud.sync.internal;

import io.spime.wire.Vin;

/** One car's uplink stream: the key of per-stream state in the ingest. */
record StreamKey(Vin vin, long streamId) {}
