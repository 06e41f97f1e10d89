package io.spime.wire.telemetry;

import io.spime.wire.DecodeBudget;
import io.spime.wire.DecodeBudgetExceededException;
import io.spime.wire.InvalidTopicException;
import io.spime.wire.InvalidVinException;
import io.spime.wire.MalformedPayloadException;
import io.spime.wire.OversizedPayloadException;
import io.spime.wire.TopicKind;
import io.spime.wire.UnknownSignalException;
import io.spime.wire.UnsupportedCatalogException;
import io.spime.wire.VehicleTopic;
import io.spime.wire.AssetId;
import io.spime.wire.VinMismatchException;
import io.spime.wire.WireException;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.internal.Fields;
import io.spime.wire.internal.Parsing;
import io.spime.wire.internal.TelemetryDecoder;
import io.spime.wire.internal.TelemetryEncoder;
import java.util.List;
import java.util.Objects;

/**
 * Encodes and decodes {@link TelemetryBatch}es as wire protocol v1 payloads: columnar per signal,
 * timestamps delta-coded against the batch base (or a detected fixed grid), numeric values carried
 * as integer deltas at the catalog's resolution.
 */
public final class TelemetryCodec {
  /** Largest telemetry payload accepted, in bytes. */
  public static final int MAX_PAYLOAD_BYTES = 1024 * 1024;
  private static final io.spime.proto.v1.TelemetryBatch PROTOTYPE =
      io.spime.proto.v1.TelemetryBatch.getDefaultInstance();

  private final SignalCatalog catalog;

  /** A codec for batches of this catalog. */
  public TelemetryCodec(SignalCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /** The catalog this codec reads and writes. */
  public SignalCatalog catalog() {
    return catalog;
  }

  /**
   * Encodes a batch.
   *
   * @throws UnknownSignalException if a sample's signal is not in the catalog
   * @throws IllegalArgumentException if a value does not fit its signal's type, or the batch names
   *     another catalog version
   * @throws OversizedPayloadException if the payload would exceed {@link #MAX_PAYLOAD_BYTES} or
   *     its {@link DecodeBudget} (a {@link DecodeBudgetExceededException}: too many samples)
   */
  public byte[] encode(TelemetryBatch batch) {
    Objects.requireNonNull(batch, "batch");
    if (batch.catalogVersion() != catalog.version()) {
      throw new IllegalArgumentException(
          "batch is for catalog v" + batch.catalogVersion() + ", codec has v" + catalog.version());
    }
    byte[] payload = TelemetryEncoder.encode(batch, catalog);
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new OversizedPayloadException(
          "telemetry batch of " + payload.length + " bytes exceeds the limit of "
              + MAX_PAYLOAD_BYTES + "; seal batches sooner");
    }
    return Parsing.requireBudget(payload, "telemetry batch", PROTOTYPE, 0);
  }

  /**
   * Encodes a batch of these samples without its sequence, as an outbox stores it; {@link
   * Sequencing#withSequence} makes it a payload that {@link #decode(byte[])} reads.
   *
   * @throws UnknownSignalException if a sample's signal is not in the catalog
   * @throws IllegalArgumentException if there are no samples or a value does not fit its signal's
   *     type
   * @throws OversizedPayloadException if the payload, once sequenced, could exceed {@link
   *     #MAX_PAYLOAD_BYTES} or its {@link DecodeBudget} (a {@link DecodeBudgetExceededException}:
   *     too many samples)
   */
  public byte[] encodeBody(AssetId vin, List<Sample> samples) {
    Objects.requireNonNull(vin, "vin");
    List<Sample> checked = List.copyOf(samples);
    if (checked.isEmpty()) {
      throw new IllegalArgumentException("a telemetry batch needs at least one sample");
    }
    byte[] body = TelemetryEncoder.encodeBody(vin, checked, catalog);
    int limit = Fields.bodyLimit(MAX_PAYLOAD_BYTES);
    if (body.length > limit) {
      throw new OversizedPayloadException(
          "telemetry batch of " + body.length + " bytes without its sequence exceeds the limit of "
              + limit + "; seal batches sooner");
    }
    return Parsing.requireBudget(body, "telemetry batch without its sequence", PROTOTYPE,
        Parsing.SEQUENCE_COST);
  }

  /**
   * Decodes a payload, checking it completely before returning.
   *
   * @throws OversizedPayloadException if the payload exceeds {@link #MAX_PAYLOAD_BYTES}, or (a
   *     {@link DecodeBudgetExceededException}) would take more heap to decode than its {@link
   *     DecodeBudget}
   * @throws MalformedPayloadException if it is not protobuf, truncated, or inconsistent
   * @throws InvalidVinException if its VIN is not a valid VIN
   * @throws UnsupportedCatalogException if it names catalog version 0 or one newer than this
   *     codec's (older versions are read: a catalog only ever adds signals)
   * @throws UnknownSignalException if it carries a signal id the catalog does not have
   */
  public TelemetryBatch decode(byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    return TelemetryDecoder.decode(payload, MAX_PAYLOAD_BYTES, catalog);
  }

  /**
   * Decodes a payload that arrived on a telemetry topic and checks that it is the topic's vehicle.
   *
   * @throws InvalidTopicException if the topic is not a telemetry topic
   * @throws VinMismatchException if the batch's VIN differs from the topic's
   * @throws WireException the subclasses {@link #decode(byte[])} throws
   */
  public TelemetryBatch decode(VehicleTopic topic, byte[] payload) {
    Objects.requireNonNull(topic, "topic");
    if (topic.kind() != TopicKind.TELEMETRY) {
      throw new InvalidTopicException(
          "topic " + topic.topic() + " does not carry telemetry batches");
    }
    TelemetryBatch batch = decode(payload);
    if (!batch.vin().equals(topic.vin())) {
      throw new VinMismatchException(
          "telemetry batch " + batch.position().seq() + " on the topic of " + topic.vin()
              + " carries VIN " + batch.vin());
    }
    return batch;
  }
}
