package io.spime.wire.internal;

import com.google.protobuf.DiscardUnknownFieldsParser;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.spime.wire.DecodeBudget;
import io.spime.wire.DecodeBudgetExceededException;
import io.spime.wire.MalformedPayloadException;
import io.spime.wire.OversizedPayloadException;

/**
 * Size- and budget-checked protobuf parsing that fails only with wire exceptions: a payload is
 * refused if it exceeds its size limit, then if the heap its decoding would take exceeds its {@link
 * DecodeBudget}, both before anything is parsed; it is parsed with unknown fields discarded.
 */
public final class Parsing {
  /** What a sequence field adds to a stored body's cost once the message is numbered. */
  public static final int SEQUENCE_COST = DecodeCost.MESSAGE_BYTES;

  private Parsing() {}

  /**
   * Parses a payload of at most {@code limit} bytes as a message of {@code prototype}'s type;
   * {@code type} names it in the messages.
   */
  @SuppressWarnings("unchecked")
  public static <T extends Message> T parse(byte[] payload, String type, int limit, T prototype) {
    if (payload == null) {
      throw new MalformedPayloadException(type + " payload is missing");
    }
    if (payload.length > limit) {
      throw new OversizedPayloadException(
          type + " payload of " + payload.length + " bytes exceeds the limit of " + limit);
    }
    requireBudget(payload, type + " payload", prototype, 0);
    try {
      return (T) DiscardUnknownFieldsParser.wrap(prototype.getParserForType()).parseFrom(payload);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedPayloadException(
          type + " payload of " + payload.length + " bytes is not valid protobuf: "
              + e.getMessage(), e);
    }
  }

  /**
   * Refuses a payload whose decoding, with {@code extraCost} more, would take more heap than its
   * budget; {@code what} names it.
   *
   * @throws DecodeBudgetExceededException naming the budget and the estimate
   * @throws MalformedPayloadException if its wire format is broken
   */
  public static byte[] requireBudget(
      byte[] payload, String what, Message prototype, int extraCost) {
    DecodeCost.Estimate estimate = DecodeCost.of(payload, prototype.getDescriptorForType(), what);
    long budget = DecodeBudget.forPayload(payload.length);
    long cost = estimate.bytes() + extraCost;
    if (cost > budget) {
      throw new DecodeBudgetExceededException(what, String.format("%,d values, %,d messages",
          estimate.elements(), estimate.messages()), payload.length, cost, budget);
    }
    return payload;
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
