package io.spime.wire.internal;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;

/**
 * Raw protobuf field writing for the two places where field order matters: the uplink sequence
 * goes first (added to a stored body when the message is numbered) and a state message's time goes
 * last (so a payload cut at a field boundary lacks its time and is refused).
 */
public final class Fields {
  /** Most bytes a {@code Sequence} field (tag, length, three full-width numbers) can take. */
  public static final int MAX_SEQUENCE_FIELD_BYTES = 1 + 1 + (1 + 8) + (1 + 10) + (1 + 8);

  /** The largest message body that still fits {@code limit} once its sequence field is added. */
  public static int bodyLimit(int limit) {
    return limit - MAX_SEQUENCE_FIELD_BYTES;
  }

  private Fields() {}

  /** {@code body} with a length-delimited field of this number and content in front. */
  public static byte[] prependMessage(int fieldNumber, byte[] content, byte[] body) {
    int header = CodedOutputStream.computeTagSize(fieldNumber)
        + CodedOutputStream.computeUInt32SizeNoTag(content.length);
    byte[] out = new byte[header + content.length + body.length];
    try {
      CodedOutputStream stream = CodedOutputStream.newInstance(out);
      stream.writeTag(fieldNumber, 2);
      stream.writeUInt32NoTag(content.length);
      stream.writeRawBytes(content);
      stream.writeRawBytes(body);
      stream.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new IllegalStateException("sized buffer overflowed", e);
    }
    return out;
  }

  /** {@code message} with an int64 field of this number and value after it. */
  public static byte[] appendInt64(byte[] message, int fieldNumber, long value) {
    byte[] out = new byte[message.length + CodedOutputStream.computeInt64Size(fieldNumber, value)];
    System.arraycopy(message, 0, out, 0, message.length);
    try {
      CodedOutputStream stream = CodedOutputStream.newInstance(out, message.length,
          out.length - message.length);
      stream.writeInt64(fieldNumber, value);
      stream.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new IllegalStateException("sized buffer overflowed", e);
    }
    return out;
  }
}
