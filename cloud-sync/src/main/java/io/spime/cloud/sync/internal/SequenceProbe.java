package io.spime.cloud.sync.internal;

import com.google.protobuf.CodedInputStream;
import io.spime.wire.StreamPosition;
import java.io.IOException;
import java.util.Optional;

/**
 * Finds the place of an uplink payload in its stream when the payload as a whole cannot be used: every
 * sequenced uplink message (telemetry, events, reported state) carries its VIN as field 1 and its
 * {@code Sequence} as field 2, and the agent writes the sequence first.
 */
final class SequenceProbe {
  private static final int VIN_FIELD = 1;
  private static final int SEQUENCE_FIELD = 2;
  private static final int LENGTH_DELIMITED = 2;
  private static final int FIXED64_TAG_1 = (1 << 3) | 1;
  private static final int VARINT_TAG_2 = 2 << 3;
  private static final int FIXED64_TAG_3 = (3 << 3) | 1;

  private SequenceProbe() {}

  /** What the probe could read: the payload's VIN text if it has one, and its position. */
  record Probe(Optional<String> vin, Optional<StreamPosition> position) {}

  static Probe probe(byte[] payload, int maxBytes) {
    CodedInputStream in = CodedInputStream.newInstance(payload, 0, Math.min(payload.length, maxBytes));
    Optional<String> vin = Optional.empty();
    Optional<StreamPosition> position = Optional.empty();
    try {
      while (vin.isEmpty() || position.isEmpty()) {
        int tag = in.readTag();
        if (tag == 0) {
          break;
        }
        int field = tag >>> 3;
        if (field == VIN_FIELD && (tag & 7) == LENGTH_DELIMITED) {
          vin = Optional.of(in.readStringRequireUtf8());
        } else if (field == SEQUENCE_FIELD && (tag & 7) == LENGTH_DELIMITED) {
          position = sequence(in.readBytes().newCodedInput());
        } else if (!in.skipField(tag)) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // A payload cut short or garbled after the fields found so far: keep what was read.
    }
    return new Probe(vin, position);
  }

  private static Optional<StreamPosition> sequence(CodedInputStream in) throws IOException {
    long streamId = 0;
    long seq = 0;
    long bootId = 0;
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        break;
      }
      if (tag == FIXED64_TAG_1) {
        streamId = in.readFixed64();
      } else if (tag == VARINT_TAG_2) {
        seq = in.readUInt64();
      } else if (tag == FIXED64_TAG_3) {
        bootId = in.readFixed64();
      } else if (!in.skipField(tag)) {
        break;
      }
    }
    if (streamId == 0 || bootId == 0 || seq < 1) {
      return Optional.empty();
    }
    try {
      return Optional.of(new StreamPosition(streamId, seq, bootId));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
