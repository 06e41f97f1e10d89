package io.spime.wire.session;

import com.google.protobuf.Message;
import io.spime.wire.InvalidVinException;
import io.spime.wire.MalformedPayloadException;
import io.spime.wire.OversizedPayloadException;
import io.spime.wire.AssetId;
import io.spime.wire.internal.Parsing;

/**
 * Encodes and decodes the small session messages: {@link Birth}, {@link Status}, {@link Ack}.
 *
 * <p>Every session message carries its time last ({@code time_ms}, the highest field number) and
 * the time must be positive, so a payload cut short at a field boundary is refused like any other
 * truncated one.
 */
public final class SessionCodec {
  /** Largest birth, status or ack payload accepted, in bytes. */
  public static final int MAX_PAYLOAD_BYTES = 4 * 1024;

  private SessionCodec() {}

  /**
   * Encodes an ack.
   *
   * @throws IllegalArgumentException if its time is not positive
   */
  public static byte[] encode(Ack ack) {
    requirePositiveTime(ack.timeMillis(), "ack");
    return io.spime.proto.v1.Ack.newBuilder()
        .setVin(ack.vin().value())
        .setStreamId(ack.streamId())
        .setSeq(ack.seq())
        .setTimeMs(ack.timeMillis())
        .build()
        .toByteArray();
  }

  /**
   * Decodes an ack.
   *
   * @throws MalformedPayloadException if it is not a valid v1 Ack
   * @throws OversizedPayloadException if it exceeds {@link #MAX_PAYLOAD_BYTES} or its {@link
   *     io.spime.wire.DecodeBudget}
   * @throws InvalidVinException if its VIN is not a valid VIN form
   */
  public static Ack decodeAck(byte[] payload) {
    io.spime.proto.v1.Ack proto =
        parse(payload, "Ack", io.spime.proto.v1.Ack.getDefaultInstance());
    String what = "ack for " + proto.getVin();
    if (proto.getStreamId() == 0) {
      throw new MalformedPayloadException(what + " has no stream id");
    }
    requireSigned(proto.getSeq(), what, "seq");
    requireTime(proto.getTimeMs(), what);
    return new Ack(
        AssetId.parseLenient(proto.getVin()), proto.getStreamId(), proto.getSeq(), proto.getTimeMs());
  }

  /**
   * Encodes a birth message.
   *
   * @throws IllegalArgumentException if its time is not positive or its catalog version below 1
   */
  public static byte[] encode(Birth birth) {
    requirePositiveTime(birth.timeMillis(), "birth");
    if (birth.catalogVersion() < 1) {
      throw new IllegalArgumentException(
          "birth catalog version must be 1 or more, was " + birth.catalogVersion());
    }
    return io.spime.proto.v1.Birth.newBuilder()
        .setVin(birth.vin().value())
        .setAgentVersion(birth.agentVersion())
        .setBootId(birth.bootId())
        .setStreamId(birth.streamId())
        .setCatalogVersion(birth.catalogVersion())
        .setLastAckedSeq(birth.lastAckedSeq())
        .setDesiredVersion(birth.desiredVersion())
        .setTimeMs(birth.timeMillis())
        .build()
        .toByteArray();
  }

  /**
   * Decodes a birth message.
   *
   * @throws MalformedPayloadException if it is not a valid v1 Birth
   * @throws OversizedPayloadException if it exceeds {@link #MAX_PAYLOAD_BYTES} or its {@link
   *     io.spime.wire.DecodeBudget}
   * @throws InvalidVinException if its VIN is not a valid VIN form
   */
  public static Birth decodeBirth(byte[] payload) {
    io.spime.proto.v1.Birth proto =
        parse(payload, "Birth", io.spime.proto.v1.Birth.getDefaultInstance());
    String what = "birth of " + proto.getVin();
    if (proto.getBootId() == 0 || proto.getStreamId() == 0) {
      throw new MalformedPayloadException(what + " lacks a boot id or a stream id");
    }
    if (proto.getCatalogVersion() <= 0) {
      throw new MalformedPayloadException(
          what + " names catalog version " + Integer.toUnsignedString(proto.getCatalogVersion()));
    }
    requireSigned(proto.getLastAckedSeq(), what, "last acked seq");
    requireSigned(proto.getDesiredVersion(), what, "desired version");
    requireTime(proto.getTimeMs(), what);
    return new Birth(
        AssetId.parseLenient(proto.getVin()),
        proto.getAgentVersion(),
        proto.getBootId(),
        proto.getStreamId(),
        proto.getCatalogVersion(),
        proto.getLastAckedSeq(),
        proto.getDesiredVersion(),
        proto.getTimeMs());
  }

  /**
   * Encodes a status message.
   *
   * @throws IllegalArgumentException if its time is not positive or its boot id is 0
   */
  public static byte[] encode(Status status) {
    requirePositiveTime(status.timeMillis(), "status");
    if (status.bootId() == 0) {
      throw new IllegalArgumentException("a status needs a boot id, was 0");
    }
    return io.spime.proto.v1.Status.newBuilder()
        .setVin(status.vin().value())
        .setState(
            status.online()
                ? io.spime.proto.v1.Status.State.STATE_ONLINE
                : io.spime.proto.v1.Status.State.STATE_OFFLINE)
        .setBootId(status.bootId())
        .setTimeMs(status.timeMillis())
        .build()
        .toByteArray();
  }

  /**
   * Decodes a status message.
   *
   * @throws MalformedPayloadException if it is not a valid v1 Status, has no state or no boot id
   * @throws OversizedPayloadException if it exceeds {@link #MAX_PAYLOAD_BYTES} or its {@link
   *     io.spime.wire.DecodeBudget}
   * @throws InvalidVinException if its VIN is not a valid VIN form
   */
  public static Status decodeStatus(byte[] payload) {
    io.spime.proto.v1.Status proto =
        parse(payload, "Status", io.spime.proto.v1.Status.getDefaultInstance());
    String what = "status of " + proto.getVin();
    boolean online = switch (proto.getState()) {
      case STATE_ONLINE -> true;
      case STATE_OFFLINE -> false;
      default -> throw new MalformedPayloadException(
          what + " has no known state: " + proto.getStateValue());
    };
    if (proto.getBootId() == 0) {
      throw new MalformedPayloadException(what + " lacks a boot id");
    }
    requireTime(proto.getTimeMs(), what);
    return new Status(AssetId.parseLenient(proto.getVin()), online, proto.getBootId(), proto.getTimeMs());
  }

  private static <T extends Message> T parse(byte[] payload, String type, T prototype) {
    return Parsing.parse(payload, type, MAX_PAYLOAD_BYTES, prototype);
  }

  private static void requireSigned(long value, String what, String field) {
    if (value < 0) {
      throw new MalformedPayloadException(
          what + " has " + field + " " + Long.toUnsignedString(value)
              + ", beyond the largest signed 64-bit number");
    }
  }

  private static void requireTime(long timeMillis, String what) {
    if (timeMillis <= 0) {
      throw new MalformedPayloadException(
          what + " has time " + timeMillis + " (missing, or the payload was cut short)");
    }
  }

  private static void requirePositiveTime(long timeMillis, String what) {
    if (timeMillis <= 0) {
      throw new IllegalArgumentException(what + " time must be positive, was " + timeMillis);
    }
  }
}
