package io.spime.twin.ingest;

import io.spime.twin.exceptions.TwinStoreException;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The store as the ingest writes it: uplink messages applied exactly once per stream position,
 * connectivity, stream progress for acks, and what the ingest quarantined or the twin refused. OEM
 * back-end code does not need this role; {@code FleetIngest} uses it.
 */
public interface IngestSink {

  /**
   * Applies uplink messages of every kind, of many vehicles, in ONE transaction committed durably
   * before this method returns. Every message holds one place in its stream's gapless sequence:
   * with durable = the highest applied seq of (vin, stream), 0 for a new stream, a message with seq
   * &lt;= durable is a duplicate (skipped), seq == durable + 1 is applied and advances the stream, a
   * higher seq is a gap (skipped; the agent resends). Applying
   *
   * <ul>
   *   <li>{@link UplinkMessage.Telemetry}: the latest value per signal is kept when the sample is not
   *       older than the stored one, daily rollups of trend signals are updated, the samples-applied
   *       counter grows by the batch's samples and last-seen becomes the newest sample time;
   *   <li>{@link UplinkMessage.Events}: stores every car event, keyed by (vehicle, event id), a re-sent
   *       id is ignored; then appends the twin events as ONE append at the vehicle's current revision
   *       (idempotent as {@link io.spime.twin.TwinJournal#appendAll} defines). If the twin refuses them
   *       (a car without production record, a move the lifecycle does not allow, a stale state version,
   *       an event out of order…), none of them is appended, the refusal is stored ({@link
   *       #refusedTwinEvents}) and counted, and everything else of the call, this message's stream
   *       advance and car events included, is still applied;
   *   <li>{@link UplinkMessage.Quarantined}: stores the raw message ({@link #quarantined}).
   * </ul>
   *
   * Unknown vehicles are created (identity only). Events and quarantined messages move the car's last
   * seen time like telemetry does.
   *
   * @throws TwinStoreException if the store fails; then nothing of the call is written
   * @throws NullPointerException if the list or one of its messages is null
   */
  UplinkApplyResult applyUplink(List<UplinkMessage> messages);

  /**
   * Records a status of the car (online or offline, from one agent boot), creating an unknown vehicle.
   * The newer status by {@code at} wins and an older one is ignored, with one exception for the same
   * boot: an offline status of the boot that the stored status says is online always wins, because
   * the agent's MQTT will is written when the boot starts and so carries a time before the boot's
   * online statuses. At the same time, a status of another boot is ignored.
   *
   * @throws IllegalArgumentException if bootId is 0
   * @throws TwinStoreException if the store fails
   */
  default void recordConnectivity(AssetId vin, boolean online, Instant at, long bootId) {
    recordConnectivity(List.of(new StatusReport(vin, online, at, bootId)));
  }

  /**
   * Records several statuses in one write transaction, in list order, each by the rule of {@link
   * #recordConnectivity(AssetId, boolean, Instant, long)}: the ingest writes a group's statuses and
   * births this way, with one commit instead of one a car.
   *
   * @throws TwinStoreException if the store fails; then none of them is written
   * @throws NullPointerException if the list or one of its reports is null
   */
  void recordConnectivity(List<StatusReport> statuses);

  /**
   * Highest durable seq of the vehicle's most recently used stream, if any.
   *
   * @throws TwinStoreException if the store fails
   */
  Optional<StreamProgress> streamProgress(AssetId vin);

  /**
   * The car's quarantined uplink messages, newest first, at most {@code limit}.
   *
   * @throws IllegalArgumentException if limit is below 1
   * @throws TwinStoreException if the store fails
   */
  List<QuarantinedMessage> quarantined(AssetId vin, int limit);

  /**
   * Twin events of the car's uplink that the twin refused, newest first, at most {@code limit}.
   *
   * @throws IllegalArgumentException if limit is below 1
   * @throws TwinStoreException if the store fails
   */
  List<RefusedEvents> refusedTwinEvents(AssetId vin, int limit);
}
