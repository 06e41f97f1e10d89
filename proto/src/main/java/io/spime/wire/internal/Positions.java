package io.spime.wire.internal;

import io.spime.proto.v1.Sequence;
import io.spime.wire.MalformedPayloadException;
import io.spime.wire.StreamPosition;

/** Converts the protobuf {@code Sequence} to a checked {@link StreamPosition}. */
public final class Positions {
  private Positions() {}

  public static StreamPosition of(Sequence sequence, String what) {
    if (sequence.getStreamId() == 0 || sequence.getSeq() < 1 || sequence.getBootId() == 0) {
      throw new MalformedPayloadException(
          what + " has no valid sequence (stream " + Long.toUnsignedString(sequence.getStreamId())
              + ", seq " + Long.toUnsignedString(sequence.getSeq()) + ", boot "
              + Long.toUnsignedString(sequence.getBootId()) + ")");
    }
    return new StreamPosition(sequence.getStreamId(), sequence.getSeq(), sequence.getBootId());
  }
}
