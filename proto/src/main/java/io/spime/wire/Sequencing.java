package io.spime.wire;

import io.spime.proto.v1.Sequence;
import io.spime.wire.event.EventCodec;
import io.spime.wire.internal.Fields;
import io.spime.wire.telemetry.TelemetryCodec;
import java.util.Objects;

/**
 * Adds the uplink sequence to a stored message body. Telemetry batches, event batches and reported
 * state all carry their {@code Sequence} as field 2; an outbox keeps the body without it (from
 * {@link TelemetryCodec#encodeBody}, {@link EventCodec#encodeBody} or {@link
 * io.spime.wire.state.StateCodec#encodeReportedBody}) and adds it when the message is numbered, so a message keeps the
 * same bytes however often it is resent.
 */
public final class Sequencing {
  /** Field number of {@code sequence} in every uplink message. */
  static final int SEQUENCE_FIELD = 2;

  private Sequencing() {}

  /**
   * The payload to publish: the body with its sequence field in front.
   *
   * @param body an encoded message body without a sequence field
   * @param position where the message sits in the vehicle's uplink sequence
   * @throws NullPointerException if an argument is null
   */
  public static byte[] withSequence(byte[] body, StreamPosition position) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(position, "position");
    byte[] sequence = Sequence.newBuilder()
        .setStreamId(position.streamId())
        .setSeq(position.seq())
        .setBootId(position.bootId())
        .build()
        .toByteArray();
    return Fields.prependMessage(SEQUENCE_FIELD, sequence, body);
  }
}
