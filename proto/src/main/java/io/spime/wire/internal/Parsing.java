package io.spime.wire.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.spime.wire.MalformedPayloadException;
import io.spime.wire.OversizedPayloadException;

/** Size-checked protobuf parsing that fails only with wire exceptions. */
public final class Parsing {
  private Parsing() {}

  /** Parses a payload of at most {@code limit} bytes; {@code type} names it in the messages. */
  public static <T extends MessageLite> T parse(
      byte[] payload, String type, int limit, Parser<T> parser) {
    if (payload == null) {
      throw new MalformedPayloadException(type + " payload is missing");
    }
    if (payload.length > limit) {
      throw new OversizedPayloadException(
          type + " payload of " + payload.length + " bytes exceeds the limit of " + limit);
    }
    try {
      return parser.parseFrom(payload);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedPayloadException(
          type + " payload of " + payload.length + " bytes is not valid protobuf: "
              + e.getMessage(), e);
    }
  }

  /** Refuses an encoded payload larger than {@code limit}; {@code type} names it. */
  public static byte[] requireSize(byte[] payload, String type, int limit) {
    if (payload.length > limit) {
      throw new OversizedPayloadException(
          type + " is " + payload.length + " bytes, above the limit of " + limit);
    }
    return payload;
  }

  /** Refuses a time that is missing or not after 1970; a cut payload shows as a missing time. */
  public static long requireTime(long timeMillis, String what) {
    if (timeMillis <= 0) {
      throw new MalformedPayloadException(
          what + " has time " + timeMillis + " (missing, or the payload was cut short)");
    }
    return timeMillis;
  }

  /** Refuses an unsigned 64-bit value beyond the signed range. */
  public static long requireSigned(long value, String what, String field) {
    if (value < 0) {
      throw new MalformedPayloadException(
          what + " has " + field + " " + Long.toUnsignedString(value)
              + ", beyond the largest signed 64-bit number");
    }
    return value;
  }
}
