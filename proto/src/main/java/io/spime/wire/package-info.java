/**
 * Wire protocol v1 as Java values. This package holds what every message shares: {@link
 * io.spime.wire.AssetId}, the topic layout ({@link io.spime.wire.Topics}, {@link io.spime.wire.TopicKind}),
 * the uplink sequence ({@link io.spime.wire.StreamPosition}, {@link io.spime.wire.Sequencing}),
 * priorities, data categories and the errors of decoding. The payloads sit in packages by kind:
 * {@code catalog} (signal ids and their VSS names), {@code telemetry}, {@code event}, {@code state}
 * (desired and reported state, commands) and {@code session} (birth, status, ack), each with its
 * codec. Generated protobuf classes stay behind the codecs. Start with {@code docs/protocol.md}.
 */
@NullMarked
package io.spime.wire;

import org.jspecify.annotations.NullMarked;
