package io.spime.wire.state;

import io.spime.wire.MalformedPayloadException;
import io.spime.wire.OversizedPayloadException;
import io.spime.wire.UnknownSignalException;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.internal.Parsing;
import io.spime.wire.internal.PolicyProtos;
import io.spime.wire.internal.ProfileProtos;
import java.util.Objects;

/**
 * Encodes and decodes the parts of state messages on their own, in the same protobuf form as
 * inside them: {@link CollectionPolicy}, {@link ConsentSet} and {@link DriverProfile}. The edge
 * agent keeps its applied state this way; messages on the wire use {@link StateCodec}.
 */
public final class StatePartCodec {
  private StatePartCodec() {}

  /** Encodes a collection policy. */
  public static byte[] encode(CollectionPolicy policy) {
    return PolicyProtos.encode(Objects.requireNonNull(policy, "policy")).toByteArray();
  }

  /**
   * Decodes a collection policy for this catalog.
   *
   * @throws OversizedPayloadException if it exceeds {@link StateCodec#MAX_PAYLOAD_BYTES}, or (a
   *     {@link io.spime.wire.DecodeBudgetExceededException}) would take more heap to decode than
   *     its {@link io.spime.wire.DecodeBudget}
   * @throws MalformedPayloadException if it is not protobuf or has an invalid rule
   * @throws UnknownSignalException if a rule names a signal the catalog does not have
   */
  public static CollectionPolicy decodePolicy(byte[] bytes, SignalCatalog catalog) {
    Objects.requireNonNull(catalog, "catalog");
    return PolicyProtos.decode(Parsing.parse(bytes, "collection policy", StateCodec.MAX_PAYLOAD_BYTES,
        io.spime.proto.v1.CollectionPolicy.getDefaultInstance()), catalog, "state part");
  }

  /** Encodes consent, naming every category as granted or not. */
  public static byte[] encode(ConsentSet consent) {
    return PolicyProtos.encode(Objects.requireNonNull(consent, "consent")).toByteArray();
  }

  /**
   * Decodes consent.
   *
   * @throws OversizedPayloadException if it exceeds {@link StateCodec#MAX_PAYLOAD_BYTES}, or (a
   *     {@link io.spime.wire.DecodeBudgetExceededException}) would take more heap to decode than
   *     its {@link io.spime.wire.DecodeBudget}
   * @throws MalformedPayloadException if it is not protobuf or names an unknown data category
   */
  public static ConsentSet decodeConsent(byte[] bytes) {
    return PolicyProtos.decode(Parsing.parse(bytes, "consent", StateCodec.MAX_PAYLOAD_BYTES,
        io.spime.proto.v1.ConsentSet.getDefaultInstance()), "state part");
  }

  /** Encodes a driver profile. */
  public static byte[] encode(DriverProfile profile) {
    return ProfileProtos.encode(Objects.requireNonNull(profile, "profile")).toByteArray();
  }

  /**
   * Decodes a driver profile.
   *
   * @throws OversizedPayloadException if it exceeds {@link StateCodec#MAX_PAYLOAD_BYTES}, or (a
   *     {@link io.spime.wire.DecodeBudgetExceededException}) would take more heap to decode than
   *     its {@link io.spime.wire.DecodeBudget}
   * @throws MalformedPayloadException if it is not protobuf or a value is out of range
   */
  public static DriverProfile decodeProfile(byte[] bytes) {
    return ProfileProtos.decode(Parsing.parse(bytes, "driver profile", StateCodec.MAX_PAYLOAD_BYTES,
        io.spime.proto.v1.DriverProfile.getDefaultInstance()), "state part");
  }
}
