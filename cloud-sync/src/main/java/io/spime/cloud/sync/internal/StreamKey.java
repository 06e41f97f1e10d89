package io.spime.cloud.sync.internal;

import io.spime.wire.AssetId;

/** One car's uplink stream: the key of per-stream state in the ingest. */
record StreamKey(AssetId vin, long streamId) {}
