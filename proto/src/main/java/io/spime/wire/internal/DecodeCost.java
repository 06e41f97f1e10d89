package io.spime.wire.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import io.spime.wire.MalformedPayloadException;
import java.io.IOException;
import java.util.Set;

/**
 * Estimates, from the wire bytes alone and before anything is parsed, the heap a decoder allocates
 * for a payload: it walks the protobuf wire format against the message's descriptor and charges
 * every occurrence of a field what parsing it and building our records from it costs, growth of
 * arrays and garbage included. Walking allocates nothing per field, so a refused payload costs no
 * more than its scan. Unknown fields cost nothing: decoders parse with unknown fields discarded.
 * The weights were measured on the worst shapes of each message (DecodeBudgetTest holds them).
 */
public final class DecodeCost {
  /** A nested message: the generated object, its builder, our record and list slots. */
  static final int MESSAGE_BYTES = 256;
  /**
   * A vehicle event: its generated object with a map field, our record, its detail, attributes and
   * the texts that name it in errors. Strings in it are charged apart.
   */
  static final int EVENT_BYTES = 1024;
  /** A policy rule: its generated object, our record, its interval, the map node and box. */
  static final int RULE_BYTES = 768;
  /** A map entry: the entry message, the map node and our copy's node. */
  static final int MAP_ENTRY_BYTES = 256;
  /** A string or bytes field: the objects around it; each byte costs {@link #STRING_BYTE_BYTES}. */
  static final int STRING_BYTES = 96;
  /** UTF-8 decoding goes through a char array, then the string's own array. */
  static final int STRING_BYTE_BYTES = 4;
  /** One slot of a growing array of references or 64-bit numbers, growth garbage included. */
  static final int WIDE_ELEMENT_BYTES = 24;
  static final int NARROW_ELEMENT_BYTES = 12;
  static final int BOOL_ELEMENT_BYTES = 3;
  /** Each value of a telemetry series becomes a sample: record, value, list slots. */
  static final int SAMPLE_BYTES = 96;
  private static final Set<String> SAMPLE_COLUMNS = Set.of("spime.v1.SignalSeries.scaled_deltas",
      "spime.v1.SignalSeries.doubles", "spime.v1.SignalSeries.bools",
      "spime.v1.SignalSeries.strings");
  private static final int MAX_DEPTH = 16;

  /**
   * What a payload would cost.
   *
   * @param bytes estimated heap, in bytes
   * @param elements repeated values and strings in it
   * @param messages messages nested in it, map entries included
   */
  public record Estimate(long bytes, long elements, long messages) {}

  private long bytes;
  private long elements;
  private long messages;

  private DecodeCost() {}

  /**
   * Estimates the cost of decoding {@code payload} as a message of {@code type}; {@code what}
   * names it in errors.
   *
   * @throws MalformedPayloadException if the wire format is broken (the parser would refuse it too)
   */
  public static Estimate of(byte[] payload, Descriptor type, String what) {
    DecodeCost cost = new DecodeCost();
    cost.bytes = MESSAGE_BYTES;
    try {
      CodedInputStream in = CodedInputStream.newInstance(payload);
      cost.message(in, type, 0);
    } catch (IOException e) {
      throw new MalformedPayloadException(
          what + " of " + payload.length + " bytes is not valid protobuf: " + e.getMessage(), e);
    }
    return new Estimate(cost.bytes, cost.elements, cost.messages);
  }

  private void message(CodedInputStream in, Descriptor type, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("messages nested deeper than " + MAX_DEPTH);
    }
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        return;
      }
      FieldDescriptor field = type.findFieldByNumber(WireFormat.getTagFieldNumber(tag));
      int wireType = WireFormat.getTagWireType(tag);
      if (field == null) {
        skipUnknown(in, tag);
      } else if (wireType == expectedWireType(field)) {
        known(in, tag, field, depth);
      } else if (field.isPackable() && wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        packed(in, field);
      } else {
        skipUnknown(in, tag);
      }
    }
  }

  private void known(CodedInputStream in, int tag, FieldDescriptor field, int depth)
      throws IOException {
    switch (field.getJavaType()) {
      case MESSAGE -> {
        int length = in.readRawVarint32();
        int limit = in.pushLimit(length);
        messages++;
        bytes += field.isMapField() ? MAP_ENTRY_BYTES : messageBytes(field.getMessageType());
        message(in, field.getMessageType(), depth + 1);
        in.popLimit(limit);
      }
      case STRING, BYTE_STRING -> {
        int length = in.readRawVarint32();
        in.skipRawBytes(length);
        bytes += STRING_BYTES + (long) STRING_BYTE_BYTES * length;
        if (field.isRepeated()) {
          elements++;
          bytes += WIDE_ELEMENT_BYTES + sampleBytes(field);
        }
      }
      default -> {
        in.skipField(tag);
        if (field.isRepeated()) {
          elements++;
          bytes += elementBytes(field);
        }
      }
    }
  }

  private void packed(CodedInputStream in, FieldDescriptor field) throws IOException {
    int length = in.readRawVarint32();
    long count;
    switch (field.getLiteType().getWireType()) {
      case WireFormat.WIRETYPE_FIXED32 -> {
        in.skipRawBytes(length);
        count = length / 4;
      }
      case WireFormat.WIRETYPE_FIXED64 -> {
        in.skipRawBytes(length);
        count = length / 8;
      }
      default -> {
        int limit = in.pushLimit(length);
        count = 0;
        while (in.getBytesUntilLimit() > 0) {
          in.readRawVarint64();
          count++;
        }
        in.popLimit(limit);
      }
    }
    elements += count;
    bytes += count * elementBytes(field);
  }

  private static void skipUnknown(CodedInputStream in, int tag) throws IOException {
    if (!in.skipField(tag)) {
      throw new IOException("an end-group tag without its group");
    }
  }

  private static int expectedWireType(FieldDescriptor field) {
    return field.getLiteType().getWireType();
  }

  private static long messageBytes(Descriptor type) {
    return switch (type.getFullName()) {
      case "spime.v1.VehicleEvent" -> EVENT_BYTES;
      case "spime.v1.SignalRule" -> RULE_BYTES;
      default -> MESSAGE_BYTES;
    };
  }

  private static long elementBytes(FieldDescriptor field) {
    long slot = switch (field.getJavaType()) {
      case BOOLEAN -> BOOL_ELEMENT_BYTES;
      case INT, FLOAT, ENUM -> NARROW_ELEMENT_BYTES;
      default -> WIDE_ELEMENT_BYTES;
    };
    return slot + sampleBytes(field);
  }

  private static long sampleBytes(FieldDescriptor field) {
    return SAMPLE_COLUMNS.contains(field.getFullName()) ? SAMPLE_BYTES : 0;
  }
}
