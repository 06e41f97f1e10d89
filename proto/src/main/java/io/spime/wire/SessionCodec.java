package io.spime.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;

/** Encodes and decodes the small session messages: {@link Birth}, {@link Status}, {@link Ack}. */
public final class SessionCodec {
  /** Largest birth, status or ack payload accepted, in bytes. */
  public static final int MAX_PAYLOAD_BYTES = 4 * 1024;

  private SessionCodec() {}

  public static byte[] encode(Ack ack) {
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
   * @throws OversizedPayloadException if it exceeds {@link #MAX_PAYLOAD_BYTES}
   */
  public static Ack decodeAck(byte[] payload) {
    io.spime.proto.v1.Ack proto = parse(payload, "Ack", io.spime.proto.v1.Ack.parser());
    if (proto.getStreamId() == 0) {
      throw new MalformedPayloadException("ack for " + proto.getVin() + " has no stream id");
    }
    return new Ack(
        Vin.parseLenient(proto.getVin()), proto.getStreamId(), proto.getSeq(), proto.getTimeMs());
  }

  public static byte[] encode(Birth birth) {
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
   * @throws OversizedPayloadException if it exceeds {@link #MAX_PAYLOAD_BYTES}
   */
  public static Birth decodeBirth(byte[] payload) {
    io.spime.proto.v1.Birth proto = parse(payload, "Birth", io.spime.proto.v1.Birth.parser());
    if (proto.getBootId() == 0 || proto.getStreamId() == 0) {
      throw new MalformedPayloadException(
          "birth of " + proto.getVin() + " lacks a boot id or a stream id");
    }
    return new Birth(
        Vin.parseLenient(proto.getVin()),
        proto.getAgentVersion(),
        proto.getBootId(),
        proto.getStreamId(),
        proto.getCatalogVersion(),
        proto.getLastAckedSeq(),
        proto.getDesiredVersion(),
        proto.getTimeMs());
  }

  public static byte[] encode(Status status) {
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
   * @throws MalformedPayloadException if it is not a valid v1 Status or has no state
   * @throws OversizedPayloadException if it exceeds {@link #MAX_PAYLOAD_BYTES}
   */
  public static Status decodeStatus(byte[] payload) {
    io.spime.proto.v1.Status proto = parse(payload, "Status", io.spime.proto.v1.Status.parser());
    boolean online = switch (proto.getState()) {
      case STATE_ONLINE -> true;
      case STATE_OFFLINE -> false;
      default -> throw new MalformedPayloadException(
          "status of " + proto.getVin() + " has no known state: " + proto.getStateValue());
    };
    return new Status(Vin.parseLenient(proto.getVin()), online, proto.getBootId(), proto.getTimeMs());
  }

  private static <T extends MessageLite> T parse(
      byte[] payload, String type, com.google.protobuf.Parser<T> parser) {
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new OversizedPayloadException(
          type + " payload of " + payload.length + " bytes exceeds the limit of "
              + MAX_PAYLOAD_BYTES);
    }
    try {
      return parser.parseFrom(payload);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedPayloadException(
          type + " payload of " + payload.length + " bytes is not valid protobuf: "
              + e.getMessage(), e);
    }
  }
}
