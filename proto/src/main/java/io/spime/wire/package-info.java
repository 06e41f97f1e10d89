/**
 * Wire protocol v1 as Java values: {@link io.spime.wire.Vin}, the {@link
 * io.spime.wire.SignalCatalog}, the records of every payload ({@link io.spime.wire.TelemetryBatch},
 * {@link io.spime.wire.EventBatch}, {@link io.spime.wire.ReportedState}, {@link
 * io.spime.wire.DesiredState}, {@link io.spime.wire.Command}, the session messages) and their
 * codecs ({@link io.spime.wire.TelemetryCodec}, {@link io.spime.wire.EventCodec}, {@link
 * io.spime.wire.StateCodec}, {@link io.spime.wire.SessionCodec}), and the topic layout in {@link
 * io.spime.wire.Topics}. Generated protobuf classes stay behind the codecs. Start with {@code
 * docs/protocol.md}.
 */
package io.spime.wire;
