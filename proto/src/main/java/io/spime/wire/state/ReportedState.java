package io.spime.wire.state;

import io.spime.wire.StreamPosition;
import io.spime.wire.AssetId;
import io.spime.wire.telemetry.SignalValue;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a car reports it has applied, the payload of {@code spime/v1/{vin}/reported}; see {@link
 * StateCodec}.
 *
 * @param vin the vehicle
 * @param position the report's place in the vehicle's uplink sequence
 * @param timeMillis when the car reported, Unix epoch milliseconds on its clock, 1 or more
 * @param desiredVersion version of the desired state the report reflects (0: none applied yet)
 * @param softwareVersions installed software per component, e.g. {@code tcu -> 4.2.1}
 * @param properties further reported properties by name
 * @param policy the collection policy in force, if reported
 * @param consent the consent in force, if reported
 * @param profile the driver profile applied, if any
 */
public record ReportedState(
    AssetId vin,
    StreamPosition position,
    long timeMillis,
    long desiredVersion,
    Map<String, String> softwareVersions,
    Map<String, SignalValue> properties,
    Optional<CollectionPolicy> policy,
    Optional<ConsentSet> consent,
    Optional<DriverProfile> profile) {
  public ReportedState {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(position, "position");
    if (timeMillis < 1) {
      throw new IllegalArgumentException("timeMillis must be 1 or more, was " + timeMillis);
    }
    if (desiredVersion < 0) {
      throw new IllegalArgumentException("desiredVersion must not be negative, was " + desiredVersion);
    }
    softwareVersions = Map.copyOf(Objects.requireNonNull(softwareVersions, "softwareVersions"));
    properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(consent, "consent");
    Objects.requireNonNull(profile, "profile");
  }
}
