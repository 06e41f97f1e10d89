package io.spime.agent.internal;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.spime.agent.OutboxException;
import io.spime.proto.v1.Sequence;
import io.spime.wire.Sample;
import io.spime.wire.StreamPosition;
import io.spime.wire.TelemetryBatch;
import io.spime.wire.TelemetryCodec;
import io.spime.wire.Vin;
import java.io.IOException;
import java.util.List;

/**
 * Outbox bodies and their sequence. Telemetry, event batches and reports all carry their {@code
 * Sequence} as field 2; the outbox stores the body without it, and {@link #withSequence} adds it
 * when the row is numbered, so a row keeps the same bytes however often it is resent.
 */
public final class Payloads {
  private static final int SEQUENCE_TAG = (2 << 3) | 2;

  private Payloads() {}

  /** The body of a telemetry batch of these samples (encoded by {@link TelemetryCodec}). */
  public static byte[] telemetryBody(
      TelemetryCodec codec, Vin vin, long streamId, long bootId, List<Sample> samples) {
    TelemetryBatch batch = new TelemetryBatch(
        vin, new StreamPosition(streamId, 1, bootId), codec.catalog().version(), samples);
    byte[] full = codec.encode(batch);
    try {
      return io.spime.proto.v1.TelemetryBatch.parseFrom(full).toBuilder()
          .clearSequence().build().toByteArray();
    } catch (InvalidProtocolBufferException e) {
      throw new OutboxException("telemetry codec produced an unreadable batch", e);
    }
  }

  /** The payload to publish: the body with its sequence field added. */
  public static byte[] withSequence(byte[] body, long streamId, long seq, long bootId) {
    byte[] sequence = Sequence.newBuilder()
        .setStreamId(streamId).setSeq(seq).setBootId(bootId).build().toByteArray();
    int header = 1 + CodedOutputStream.computeUInt32SizeNoTag(sequence.length);
    byte[] out = new byte[header + sequence.length + body.length];
    try {
      CodedOutputStream stream = CodedOutputStream.newInstance(out);
      stream.writeTag(2, 2);
      stream.writeUInt32NoTag(sequence.length);
      stream.writeRawBytes(sequence);
      stream.writeRawBytes(body);
      stream.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new IllegalStateException("sized buffer overflowed", e);
    }
    assert out[0] == SEQUENCE_TAG;
    return out;
  }
}
