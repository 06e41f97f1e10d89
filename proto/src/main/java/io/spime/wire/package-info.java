/**
 * Wire protocol v1 as Java values: {@link io.spime.wire.Vin}, the {@link
 * io.spime.wire.SignalCatalog}, {@link io.spime.wire.TelemetryBatch} and its {@link
 * io.spime.wire.TelemetryCodec}, the session messages and their {@link io.spime.wire.SessionCodec},
 * and the topic layout in {@link io.spime.wire.Topics}. Generated protobuf classes stay behind the
 * codecs. Start with {@code docs/protocol.md}.
 */
package io.spime.wire;
