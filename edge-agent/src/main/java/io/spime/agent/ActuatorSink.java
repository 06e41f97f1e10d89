package io.spime.agent;

import io.spime.wire.state.DesiredState;
import io.spime.wire.state.DriverProfile;

/**
 * Service provider interface for what the cloud asks the car to apply: the vehicle software
 * implements it to move seats, set the climate and so on. Calls come from the agent's own thread,
 * one at a time; throwing reports the request as failed to the cloud with the exception's message.
 */
public interface ActuatorSink {

  /** Applies a driver profile (from desired state or an apply-profile command). */
  void applyProfile(DriverProfile profile);

  /** Sees every desired state the agent applied (policy and consent are already in force). */
  default void desiredStateApplied(DesiredState state) {}
}
