package io.spime.wire.internal;

import io.spime.wire.MalformedPayloadException;
import io.spime.wire.OversizedPayloadException;
import io.spime.wire.AssetId;
import io.spime.wire.IdScheme;
import io.spime.wire.signing.KeyId;
import io.spime.wire.signing.Subject;
import io.spime.wire.signing.UnsignedPayloadException;
import io.spime.wire.state.StateCodec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The byte layout of a signed envelope (docs/protocol.md, "Signed downlink"): magic and format,
 * kind, key id, asset id, issued-at, expiry, version or command id, body, then the 64-byte Ed25519
 * signature over everything before it. All integers are big-endian. Format 1 carries a VIN in 17
 * bytes; format 2, written only for the other id schemes, carries the id with a length byte.
 */
public final class EnvelopeCodec {
  /** First four bytes of every envelope; 0x00 can never start a protobuf message. */
  public static final byte[] MAGIC = {0x00, 'S', 'P', 'S'};
  /** The layout for a VIN (17 bytes, no length); every envelope of a car keeps this layout. */
  public static final int FORMAT = 1;
  /** The layout for a HIN or frame number: the id after a length byte. */
  public static final int FORMAT_ASSET_ID = 2;
  public static final int SIGNATURE_BYTES = 64;
  private static final int KIND_DESIRED = 1;
  private static final int KIND_COMMAND = 2;
  /** Largest envelope: the largest body plus the largest header and the signature. */
  public static final int MAX_PAYLOAD_BYTES = StateCodec.MAX_PAYLOAD_BYTES + 512;

  private EnvelopeCodec() {}

  /** The bytes a signer signs: everything of the envelope but the signature. */
  public static byte[] toBeSigned(KeyId keyId, AssetId vin, Subject subject, long issuedMillis,
      long expiresMillis, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 300);
    boolean vinLayout = vin.scheme() == IdScheme.VIN;
    out.writeBytes(MAGIC);
    out.write(vinLayout ? FORMAT : FORMAT_ASSET_ID);
    out.write(subject instanceof Subject.Desired ? KIND_DESIRED : KIND_COMMAND);
    byte[] key = keyId.value().getBytes(StandardCharsets.US_ASCII);
    out.write(key.length);
    out.writeBytes(key);
    byte[] id = vin.value().getBytes(StandardCharsets.US_ASCII);
    if (!vinLayout) {
      out.write(id.length);
    }
    out.writeBytes(id);
    out.writeBytes(ByteBuffer.allocate(16).putLong(issuedMillis).putLong(expiresMillis).array());
    if (subject instanceof Subject.Desired desired) {
      out.writeBytes(ByteBuffer.allocate(8).putLong(desired.version()).array());
    } else {
      byte[] command = ((Subject.Command) subject).commandId().getBytes(StandardCharsets.UTF_8);
      out.write(command.length);
      out.writeBytes(command);
    }
    out.writeBytes(ByteBuffer.allocate(4).putInt(body.length).array());
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** The envelope: the signed bytes followed by their signature. */
  public static byte[] withSignature(byte[] toBeSigned, byte[] signature) {
    if (signature.length != SIGNATURE_BYTES) {
      throw new IllegalArgumentException("an Ed25519 signature has 64 bytes, not " + signature.length);
    }
    byte[] out = Arrays.copyOf(toBeSigned, toBeSigned.length + SIGNATURE_BYTES);
    System.arraycopy(signature, 0, out, toBeSigned.length, SIGNATURE_BYTES);
    return out;
  }

  /**
   * Reads an envelope, checking its layout completely; the signature is not verified here.
   *
   * @throws OversizedPayloadException if the payload exceeds {@link #MAX_PAYLOAD_BYTES}
   * @throws UnsignedPayloadException if it does not start with {@link #MAGIC}
   * @throws MalformedPayloadException if it is cut short, too long, of an unknown format or kind,
   *     or has an invalid field
   * @throws io.spime.wire.InvalidVinException if its VIN is not a valid VIN form
   */
  public static Envelope decode(byte[] payload, String what) {
    Objects.requireNonNull(payload, "payload");
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new OversizedPayloadException(what + " of " + payload.length
          + " bytes exceeds the signed envelope limit of " + MAX_PAYLOAD_BYTES + " bytes");
    }
    if (!startsWithMagic(payload)) {
      if (payload.length > 0 && payload.length < MAGIC.length
          && Arrays.equals(payload, Arrays.copyOf(MAGIC, payload.length))) {
        throw new MalformedPayloadException(what + ": signed envelope cut short after "
            + payload.length + " bytes of its magic");
      }
      throw new UnsignedPayloadException(what + " of " + payload.length
          + " bytes is not a signed envelope (it does not start with the bytes 00 53 50 53);"
          + " only signed desired state and commands are accepted");
    }
    Reader in = new Reader(payload, what);
    in.skip(MAGIC.length);
    int format = in.u8("format");
    if (format != FORMAT && format != FORMAT_ASSET_ID) {
      throw new MalformedPayloadException(what + ": signed envelope format " + format
          + " is not supported; this reader knows formats " + FORMAT + " and " + FORMAT_ASSET_ID);
    }
    int kind = in.u8("kind");
    if (kind != KIND_DESIRED && kind != KIND_COMMAND) {
      throw new MalformedPayloadException(what + ": unknown envelope kind " + kind
          + " (1 desired state, 2 command)");
    }
    KeyId keyId = keyId(in.bytes(in.u8("key id length"), "key id"), what);
    AssetId vin = assetId(in, format, what);
    long issued = in.i64("issued-at");
    long expires = in.i64("expiry");
    if (issued < 1 || expires <= issued) {
      throw new MalformedPayloadException(what + ": issued-at " + issued + " must be 1 or more and"
          + " before the expiry " + expires);
    }
    Subject subject = kind == KIND_DESIRED ? desired(in.i64("version"), what)
        : command(in.bytes(in.u8("command id length"), "command id"), what);
    long bodyLength = in.u32("body length");
    if (bodyLength > StateCodec.MAX_PAYLOAD_BYTES) {
      throw new OversizedPayloadException(what + ": envelope body of " + bodyLength
          + " bytes exceeds the limit of " + StateCodec.MAX_PAYLOAD_BYTES + " bytes");
    }
    byte[] body = in.bytes((int) bodyLength, "body");
    int signedLength = in.position();
    byte[] signature = in.bytes(SIGNATURE_BYTES, "signature");
    if (in.position() != payload.length) {
      throw new MalformedPayloadException(what + ": " + (payload.length - in.position())
          + " bytes after the signature");
    }
    return new Envelope(keyId, vin, subject, issued, expires, body, signature, signedLength);
  }

  private static AssetId assetId(Reader in, int format, String what) {
    if (format == FORMAT) {
      return AssetId.parseLenient(new String(in.bytes(17, "VIN"), StandardCharsets.ISO_8859_1));
    }
    AssetId id = AssetId.parseLenient(
        new String(in.bytes(in.u8("asset id length"), "asset id"), StandardCharsets.ISO_8859_1));
    if (id.scheme() == IdScheme.VIN) {
      throw new MalformedPayloadException(what + ": envelope format " + FORMAT_ASSET_ID
          + " carries a HIN or frame number, not the VIN " + id + " (format " + FORMAT + ")");
    }
    return id;
  }

  /** Whether the payload starts with the envelope magic. */
  public static boolean startsWithMagic(byte[] payload) {
    return payload.length >= MAGIC.length
        && Arrays.equals(payload, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  private static KeyId keyId(byte[] bytes, String what) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    try {
      return KeyId.of(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedPayloadException(what + ": " + e.getMessage());
    }
  }

  private static Subject desired(long version, String what) {
    if (version < 1) {
      throw new MalformedPayloadException(what + ": desired version must be 1 or more, was " + version);
    }
    return new Subject.Desired(version);
  }

  private static Subject command(byte[] id, String what) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(id)).toString();
      return new Subject.Command(text);
    } catch (CharacterCodingException e) {
      throw new MalformedPayloadException(what + ": the command id is not UTF-8", e);
    } catch (IllegalArgumentException e) {
      throw new MalformedPayloadException(what + ": " + e.getMessage());
    }
  }

  /** Reads fields off the payload, refusing any read past its end. */
  private static final class Reader {
    private final ByteBuffer buffer;
    private final String what;

    Reader(byte[] payload, String what) {
      this.buffer = ByteBuffer.wrap(payload);
      this.what = what;
    }

    void skip(int n) {
      need(n, "magic");
      buffer.position(buffer.position() + n);
    }

    int u8(String field) {
      need(1, field);
      return buffer.get() & 0xff;
    }

    long u32(String field) {
      need(4, field);
      return buffer.getInt() & 0xffffffffL;
    }

    long i64(String field) {
      need(8, field);
      return buffer.getLong();
    }

    byte[] bytes(int n, String field) {
      need(n, field);
      byte[] out = new byte[n];
      buffer.get(out);
      return out;
    }

    int position() {
      return buffer.position();
    }

    private void need(int n, String field) {
      if (buffer.remaining() < n) {
        throw new MalformedPayloadException(what + ": signed envelope cut short in its " + field
            + " (needs " + n + " bytes at offset " + buffer.position() + ", " + buffer.remaining()
            + " left)");
      }
    }
  }
}
